"""Word lists shared by the stages: titles, reporting verbs, places, cue phrases.

Generic knowledge of the news genre (diplomacy, trade, summits), never wording
of one article. Kept as data so that a reader can audit and extend them.
"""
from __future__ import annotations

# Head nouns of a role that can stand right before a name ("Foreign Minister Qin Gang"), also
# written as abbreviations or compounds ("PM Lee", "UN Secretary-General Ban").
TITLE_HEADS = frozenset("""
president presidents premier minister ministers secretary secretaries chancellor king queen prince
princess pope emperor sheikh emir sultan ruler ambassador envoy senator congressman congresswoman
governor mayor chairman chairwoman chair chief director commissioner spokesman spokeswoman
spokesperson adviser advisor leader leaders general gen admiral colonel lieutenant representative
negotiator delegate co-founder founder editor correspondent ceo head counsellor counselor
vice-president vice-chairman deputy official officials diplomat diplomats lawmaker lawmakers
mr mrs ms dr sir lord lady dame cardinal archbishop bishop rev reverend justice judge
president-elect prime rapporteur counterpart monarch crown sen rep treasurer superintendent
pm dpm vp fm secretary-general under-secretary speaker first-lady director-general attorney-general
governor-general solicitor-general inspector-general auditor-general
professor expert analyst researcher scholar economist historian councilor councillor
""".split())

# Words that may come before a head inside a role ("Assistant Secretary", "Executive Chair").
ROLE_MODIFIERS = frozenset("""
foreign prime deputy vice assistant under executive chief senior top acting interim former
then defence defense finance trade agriculture economy economic interior home justice energy
health education environment culture commerce industry labour labor transport security
national presidential royal supreme general special principal permanent first second lady
state federal regional opposition party group democratic republican labour conservative tory
liberal communist rebel revolutionary palestinian political managing executive-vice
international external affairs development planning oil petroleum mines information
business science technology climate digital media sport housing pensions
""".split())

PERSON_HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "lady", "lord", "dame", "mme", "m"})

# Nationalities and countries/blocs used as role prefixes ("Chinese Foreign Minister").
NATIONALITIES = frozenset("""
american us u.s. usa british uk u.k. english scottish welsh irish french german italian spanish
portuguese dutch belgian swiss austrian swedish norwegian danish finnish polish czech hungarian
greek turkish russian ukrainian chinese japanese korean north south indian pakistani afghan
iranian iraqi syrian israeli palestinian egyptian saudi emirati qatari kuwaiti bahraini omani
yemeni jordanian lebanese libyan tunisian algerian moroccan sudanese ethiopian kenyan nigerian
african european asian brazilian argentine argentinian chilean peruvian colombian venezuelan
mexican cuban canadian australian indonesian malaysian thai vietnamese filipino singaporean
taiwanese mongolian cambodian bangladeshi nepalese gulf arab eu ec un nato lankan
""".split())

# Countries, with the second word of those named in two that stands alone in a capitalised run
# ("Saudi Arabia", "Sri Lanka", "New Zealand").
COUNTRIES = frozenset("""
afghanistan albania algeria angola argentina armenia australia austria azerbaijan bahrain
bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia cameroon canada
chile china colombia congo croatia cuba cyprus denmark ecuador egypt england estonia ethiopia
europe finland france georgia germany ghana greece guatemala guyana haiti honduras hungary iceland
india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya korea kosovo
kuwait laos latvia lebanon libya lithuania malaysia mali mexico moldova mongolia morocco
mozambique myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama
paraguay peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia
singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria taiwan
tajikistan tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan
venezuela vietnam wales yemen zambia zimbabwe america asia africa gaza vatican
arabia lanka zealand emirates brunei darussalam bhutan maldives
""".split())

CITIES = frozenset("""
beijing shanghai tokyo seoul washington london paris berlin brussels moscow geneva rome madrid
lisbon vienna warsaw kiev kyiv ankara istanbul cairo riyadh tehran baghdad damascus jerusalem
ramallah amman beirut doha dubai kabul islamabad delhi new mumbai dhaka bangkok hanoi jakarta
manila canberra sydney ottawa havana caracas lima cuzco cusco ayacucho bogota brasilia santiago
quito montevideo asuncion la paz nairobi addis ababa pretoria johannesburg lagos khartoum
pyongyang taipei hong kong singapore kuala lumpur strasbourg luxembourg the hague camp david
davos bali gyeongju sao paulo rio buenos aires basra sanaa aden minsk tbilisi baku yerevan
stormont belfast dublin edinburgh brisbane auckland wellington oslo stockholm copenhagen helsinki
york abu dhabi tel aviv athens bern abuja ulaanbaatar amsterdam prague budapest bucharest sofia
""".split())

# Words of CITIES that only start a name ("New" York, "Hong" Kong): never a city alone.
CITY_PREFIXES = frozenset("new la the hong kuala sao buenos addis camp tel abu rio san".split())

# Regions an event can be "in" or a mission can go "to".
REGIONS = frozenset({"middle east", "latin america", "south america", "north america", "central america",
                     "east asia", "southeast asia", "south asia", "central asia", "west africa",
                     "east africa", "north africa", "balkans", "caribbean", "caucasus", "scandinavia"})

# "the Chinese capital" -> Beijing: nationality adjective -> capital city.
CAPITALS = {
    "chinese": "Beijing", "japanese": "Tokyo", "south korean": "Seoul", "korean": "Seoul",
    "north korean": "Pyongyang", "american": "Washington", "us": "Washington", "british": "London",
    "french": "Paris", "german": "Berlin", "russian": "Moscow", "indian": "New Delhi", "italian": "Rome",
    "spanish": "Madrid", "belgian": "Brussels", "egyptian": "Cairo", "saudi": "Riyadh",
    "iranian": "Tehran", "iraqi": "Baghdad", "syrian": "Damascus", "turkish": "Ankara",
    "ukrainian": "Kyiv", "polish": "Warsaw", "brazilian": "Brasilia", "mexican": "Mexico City",
    "cuban": "Havana", "peruvian": "Lima", "venezuelan": "Caracas", "argentine": "Buenos Aires",
    "kenyan": "Nairobi", "sudanese": "Khartoum", "pakistani": "Islamabad", "afghan": "Kabul",
    "thai": "Bangkok", "vietnamese": "Hanoi", "indonesian": "Jakarta", "philippine": "Manila",
    "australian": "Canberra", "canadian": "Ottawa", "qatari": "Doha", "jordanian": "Amman",
    "lebanese": "Beirut", "emirati": "Abu Dhabi", "austrian": "Vienna", "swiss": "Bern",
    "swedish": "Stockholm", "norwegian": "Oslo", "danish": "Copenhagen", "finnish": "Helsinki",
    "greek": "Athens", "portuguese": "Lisbon", "irish": "Dublin", "taiwanese": "Taipei",
    "mongolian": "Ulaanbaatar", "belarusian": "Minsk", "georgian": "Tbilisi",
    "ethiopian": "Addis Ababa", "nigerian": "Abuja", "colombian": "Bogota", "chilean": "Santiago",
}

# Where the cities of CITIES lie: "talks in Switzerland ... in Geneva" is one place, Geneva;
# "talks in Uzbekistan", dateline Prague, is not. Country -> its cities in CITIES.
_CITIES_OF = {
    "china": "beijing|shanghai|hong kong", "japan": "tokyo", "korea": "seoul|pyongyang|gyeongju",
    "south korea": "seoul|gyeongju", "north korea": "pyongyang",
    "america": "washington|new york|camp david", "united states": "washington|new york|camp david",
    "us": "washington|new york|camp david", "usa": "washington|new york|camp david",
    "britain": "london|edinburgh|belfast|stormont", "uk": "london|edinburgh|belfast|stormont",
    "united kingdom": "london|edinburgh|belfast|stormont", "england": "london",
    "scotland": "edinburgh", "northern ireland": "belfast|stormont", "ireland": "dublin",
    "france": "paris|strasbourg", "germany": "berlin", "belgium": "brussels", "russia": "moscow",
    "switzerland": "geneva|davos|bern", "italy": "rome", "vatican": "rome", "spain": "madrid",
    "portugal": "lisbon", "austria": "vienna", "poland": "warsaw", "ukraine": "kiev|kyiv",
    "turkey": "ankara|istanbul", "egypt": "cairo", "saudi arabia": "riyadh", "iran": "tehran",
    "iraq": "baghdad|basra", "syria": "damascus", "israel": "jerusalem|tel aviv",
    "palestine": "ramallah", "jordan": "amman", "lebanon": "beirut", "qatar": "doha",
    "united arab emirates": "dubai|abu dhabi", "uae": "dubai|abu dhabi", "afghanistan": "kabul",
    "pakistan": "islamabad", "india": "new delhi|delhi|mumbai", "bangladesh": "dhaka",
    "thailand": "bangkok", "vietnam": "hanoi", "indonesia": "jakarta|bali", "philippines": "manila",
    "australia": "canberra|sydney|brisbane", "canada": "ottawa", "cuba": "havana",
    "venezuela": "caracas", "peru": "lima|cuzco|cusco|ayacucho", "colombia": "bogota",
    "brazil": "brasilia|sao paulo|rio", "chile": "santiago", "ecuador": "quito",
    "uruguay": "montevideo", "paraguay": "asuncion", "bolivia": "la paz", "kenya": "nairobi",
    "ethiopia": "addis ababa", "south africa": "pretoria|johannesburg", "nigeria": "lagos|abuja",
    "sudan": "khartoum", "taiwan": "taipei", "malaysia": "kuala lumpur", "singapore": "singapore",
    "netherlands": "the hague|amsterdam", "luxembourg": "luxembourg", "yemen": "sanaa|aden",
    "belarus": "minsk", "georgia": "tbilisi", "azerbaijan": "baku", "armenia": "yerevan",
    "new zealand": "auckland|wellington", "norway": "oslo", "sweden": "stockholm",
    "denmark": "copenhagen", "finland": "helsinki", "greece": "athens", "mongolia": "ulaanbaatar",
    "czech republic": "prague", "hungary": "budapest", "romania": "bucharest", "bulgaria": "sofia",
}
CITY_COUNTRIES: dict[str, frozenset[str]] = {}
for _country, _cities in _CITIES_OF.items():
    for _city in _cities.split("|"):
        CITY_COUNTRIES[_city] = CITY_COUNTRIES.get(_city, frozenset()) | {_country}


def city_in(city: str, country: str) -> bool:
    """Does the city lie in the country (as far as the lexicon knows)?"""
    return country.lower() in CITY_COUNTRIES.get(" ".join(city.lower().split()), frozenset())


# Capitalised words that are never part of a person's name.
NOT_NAME = frozenset("""
the a an and or but in on at to of for from by with as after before amid during while when
this that these those it its his her their our he she they we i you if then there here also
however meanwhile earlier later speaking according under despite though although because since
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec
ministry council house party union agreement organisation organization community nations
department office commission committee group bank corp inc ltd co news agency times daily hall
people street sea peninsula republic kingdom states state government administration assembly
protocol treaty summit conference cooperation affairs university reuters bbc afp ap yonhap ips
press tv radio post journal herald tribune congress parliament senate cabinet court navy army
forces force airport palace centre center institute foundation fund association federation
alliance front movement authority authorities ministers economic forum club market exchange
programme program project initiative plan pact deal accord talks meeting visit trip tour
city province region county district island islands ocean river mountain gulf east west north
south central european asian african american chinese japanese korean united world global
international national federal democratic unionists unionist communist socialist labour
conservative liberal tory tories christian muslim islamic catholic church mosque shia shiite sunni
trade talks energy oil gas business economy finance industry defence defense foreign
security prime minister president secretary chairman chief director spokesman leader king pope
queen prince general gen envoy ambassador sen rep mr mrs ms dr sir lord
which who whom whose what where why how not no yes all some many most both each every
one two three four five six seven eight nine ten first second third last next new old
""".split())

ORG_HEADS = frozenset("""
ministry council party union agreement organisation organization community nations department
office commission committee group bank corp inc ltd agency times daily hall government
administration assembly protocol treaty summit conference university reuters congress parliament
senate cabinet court institute foundation fund association federation alliance front movement
authority forum club exchange programme program project initiative
coalition campaign network corporation company society league institution
""".split())

REPORTING_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "asked", "asks", "stressed",
    "underlined", "underscored", "noted", "notes", "explained", "insisted", "warned", "argued",
    "declared", "announced", "stated", "wrote", "writes", "replied", "admitted", "acknowledged",
    "remarked", "continued", "concluded", "recalled", "confirmed", "urged", "emphasised",
    "emphasized", "observed", "pointed out", "complained", "commented", "suggested", "vowed",
    "predicted", "cautioned", "claimed", "maintained", "affirmed", "reiterated", "quipped",
    "joked", "conceded", "signalled", "signaled", "hinted", "assured", "promised", "described",
    "called", "reportedly said", "was quoted as saying", "quoted",
)

PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}

MONTHS = {m: i + 1 for i, m in enumerate(
    "january february march april may june july august september october november december".split())}
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
              "sept": 9, "oct": 10, "nov": 11, "dec": 12}
WEEKDAYS = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}

# Abbreviations after which a period does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr corp inc ltd co bros no vs
etc jan feb mar apr jun jul aug sep sept oct nov dec mt ft rev hon est approx dept univ messrs
""".split())


# ---------------------------------------------------------------- people and places (parser-people)

# Capitalised words that never make a person's name, beyond NOT_NAME: page furniture
# ("Related Story", "Read More", "File Photo"), news outlets and agencies, and head nouns of
# named places, events and things ("Bavarian Alps", "Bastille Day", "Nobel Peace Prize").
NOT_PERSON_NAME = NOT_NAME | frozenset("""
related story stories video videos read more share photo photos image images file caption captions
playback advertisement newsletter newsletters manage subscribe sign photographer getty epa
xinhua kyodo tass itar irna wafa bloomberg cnn nhk kcna jazeera mailonline usatoday
alps castle day prize complex act straits technologies coalition partnership service industrial
yesterday today tomorrow tonight nevertheless moreover furthermore instead still afterwards
separately elsewhere islamist banquet dinner ceremony reception gala luncheon
""".split())

# Verbs that attribute a quotation ("...," Xi said / "...," the president tweeted / posted on X), longest
# first: the reporting verbs, their participles, and naming verbs that put a label in marks
# ('what American media dubbed a "high-stakes visit"').
NAMING_VERBS = frozenset({"dubbed", "termed", "labelled", "labeled", "branded", "billed"})
QUOTE_VERBS = tuple(sorted(set(REPORTING_VERBS) | NAMING_VERBS | {
    "saying", "telling", "adding", "noting", "insisting", "arguing", "warning", "calling",
    "tweeted", "posted", "responded", "answered", "indicated"}, key=len, reverse=True))

# Countries named in several words ("the UK", "the United Kingdom") and abbreviations of them.
COUNTRY_PHRASES = frozenset({
    "uk", "u.k.", "united kingdom", "united states", "u.s.", "usa", "uae", "united arab emirates",
    "northern ireland", "new zealand", "south korea", "north korea", "saudi arabia", "sri lanka",
    "south africa", "czech republic", "dominican republic", "ivory coast", "east timor"})

# Seats of government and standing venues named instead of their city.
VENUES = {
    "european council": "Brussels", "european commission": "Brussels", "downing street": "London",
    "white house": "Washington", "capitol hill": "Washington", "kremlin": "Moscow",
    "elysee": "Paris", "elysee palace": "Paris", "great hall of the people": "Beijing",
    "zhongnanhai": "Beijing", "blue house": "Seoul", "cheong wa dae": "Seoul", "vatican": "Vatican",
    "buckingham palace": "London", "chancellery": "Berlin", "kantei": "Tokyo",
}
