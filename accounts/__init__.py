"""Staff accounts: login throttling's lockout page and two-factor sign-in for the Wagtail admin."""
