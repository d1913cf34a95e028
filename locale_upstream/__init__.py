"""Our Danish and Swedish translations of Wagtail and wagtail-localize (data; see README.md)."""
