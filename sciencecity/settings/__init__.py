"""Settings package: ``base`` is shared, ``dev``/``test``/``production`` pick per machine."""
