"""British dates and times for the English site, as its Open Graph locale (en_GB) says it is written.

Django's "en" formats are American ("Nov. 27, 2026, 2 p.m."); these are what a British reader writes.
"""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j F"
FIRST_DAY_OF_WEEK = 1
