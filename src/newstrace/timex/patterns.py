"""Regular-expression building blocks for the time tagger (HeidelTime-style word classes).

Month and weekday names are matched case-sensitively (capitalised) so that "may", "march" and
"sun" as ordinary words do not fire; everything else is case-insensitive.
"""

from __future__ import annotations

MONTH = (
    r"(?-i:(?:Jan(?:uary|\.)|Feb(?:ruary|\.)|Mar(?:ch|\.)|Apr(?:il|\.)|May|June?|July?|Aug(?:ust|\.)"
    r"|Sep(?:tember|t\.|\.|t(?=\s+\d))|Oct(?:ober|\.)|Nov(?:ember|\.)|Dec(?:ember|\.)"
    r"|Jan|Feb|Apr|Aug|Oct|Nov|Dec"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER))"
    r"(?![A-Za-z])"
)
WEEKDAY = r"(?-i:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Tues\.|Thurs\.)"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?!\d|\.\d)"
DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)"
NUM_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-](?:one|two|three|four|five"
    r"|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a\s+hundred|(?:one|two|three"
    r"|four|five|six|seven|eight|nine)\s+hundred|hundred|(?:two|three)\s+thousand|a\s+dozen|dozen)"
    r"(?:\s+and\s+a\s+half)?"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?(?:\s+\d/\d)?|{NUM_WORD}|an?(?:\s+(?:few|couple\s+of|single))?|several|few|some"
    r"|many|numerous|a\s+number\s+of|couple\s+of)"
)
UNIT = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur(?:y|ie)"
    r"|millenni(?:um|a))"
)
PART_OF_DAY = r"(?:morning|afternoon|evening|night)"
SEASON = r"(?:spring|summer|fall|autumn|winter)"
HOLIDAY = (
    r"(?-i:Christmas(?:\s+(?:Day|Eve))?|New\s+Year's(?:\s+(?:Day|Eve))?|Thanksgiving(?:\s+Day)?"
    r"|Easter(?:\s+Sunday)?|Good\s+Friday|Independence\s+Day|Halloween|Memorial\s+Day|Labor\s+Day"
    r"|Veterans\s+Day|Valentine's\s+Day|Boxing\s+Day|Presidents'?\s+Day|Mother's\s+Day|Father's\s+Day)"
)
