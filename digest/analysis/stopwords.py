"""Function words left out when comparing articles: English, plus the commonest German, French,
Spanish, Portuguese, Italian and Dutch ones, so that two articles in one language do not look
alike for their grammar alone.

Kept here rather than taken from sumy or nltk, which story grouping must not import.
"""

from __future__ import annotations

__all__ = ["STOP_WORDS", "STORY_STOP_WORDS"]

_ENGLISH = """
a about above after again against ago all almost along already also although always am among an
and another any anyone anything are around as at back be became because become been before being
below between both but by can cannot could did do does doing done down during each either else
even ever every few for from further get gets getting got had has have having he her here hers
herself him himself his how however i if in into is it its itself just last least less like made
make many may me might more most much must my myself near need neither never new next no nor not
now of off often on once one only or other others our ours ourselves out over own per perhaps put
rather really said same say saying says see seen several shall she should since so some still
such take than that the their theirs them themselves then there these they this those though
three through thus to told too two under until up upon us very via was way we well were what
when where whether which while who whom whose why will with within without would year years yet
you your yours yourself yourselves today yesterday tomorrow week weeks day days month months time
times first second according
also including including told news report reported reports mr mrs ms dr s t
"""
_GERMAN = """
aber als am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies
diese dieser dieses doch dort du durch ein eine einem einen einer eines er es etwa für gegen hat
hatte haben hier ich ihr ihre im in ist ja jetzt kann kein keine man mehr mit nach nicht noch nun
nur ob oder ohne sehr sei seien sein seine sich sie sind so soll über um und uns unter vom von
vor war waren was wenn werden wie wir wird wurde wurden zu zum zur zwischen
"""
_FRENCH = """
à au aux avec ce ces cette dans de des du elle en est et été être il ils je la le les leur lui
mais me même ne nous on ont ou où par pas plus pour qu que qui sa se ses son sont sur ta te tu un
une vous y a été était sans après avant aussi entre depuis
"""
_SPANISH = """
al algo ante como con contra cual cuando de del desde donde dos el ella ellos en entre era es esa
ese eso esta este esto fue ha han hay la las le les lo los más me mi muy no nos o para pero por
que quien se ser si sin sobre son su sus también te tiene un una uno y ya
"""
_PORTUGUESE = """
ao aos as às com como da das de do dos e ela elas ele eles em entre era esta está estão este
foi foram isso isto já mais mas muito na nas não no nos num numa o os ou para pela pelas pelo
pelos por qual quando que se sem ser seu seus sua suas também tem têm um uma umas uns à é são
ainda depois até há feira
"""
_ITALIAN = """
agli ai al alla alle allo anche che chi con cui da dai dal dalla degli dei del della delle dello
di dopo e ed gli ha hanno ho il in lo loro ma nei nel nella non per più quella quello questa
questo si sono stata stato su sua sul sulla suo tra una uno è essere
"""
_DUTCH = """
aan al als bij dat deze die dit een en er haar heeft hebben het hij hun ik in is je kan maar
met naar niet nog of om ook op te tot uit van voor was we werd wij worden wordt zal ze zij zijn
"""

_WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday"

STOP_WORDS: frozenset[str] = frozenset(
    (_ENGLISH + _GERMAN + _FRENCH + _SPANISH + _PORTUGUESE + _ITALIAN + _DUTCH + _WEEKDAYS).split()
)
STORY_STOP_WORDS: frozenset[str] = STOP_WORDS - frozenset(_WEEKDAYS.split())
"""The stop words for story grouping keep the weekdays: reports of one event name the same day,
and two events of one running story (a weekly figure, the next hearing) usually do not."""
