"""Generate data/countries.yaml from pycountry plus the hand-written names and aliases below."""

from __future__ import annotations

import importlib.metadata
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pycountry
import yaml

OUT_PATH = Path(__file__).resolve().parents[1] / "countries.yaml"

NAME = "NAME"
DEM = "DEMONYM"
CAP = "CAPITAL"
INST = "INSTITUTION"
KINDS = (NAME, DEM, CAP, INST)

# Plain English short names used in news coverage, replacing awkward ISO names.
# Whenever the final name differs from the ISO `name`, the ISO name is kept as a NAME alias.
NAME_OVERRIDES: dict[str, str] = {
    "BN": "Brunei",
    "BO": "Bolivia",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "MF": "Saint Martin",
    "MO": "Macau",
    "PN": "Pitcairn Islands",
    "PS": "Palestine",
    "RU": "Russia",
    "ST": "São Tomé and Príncipe",
    "SX": "Sint Maarten",
    "SY": "Syria",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "VA": "Vatican City",
    "VE": "Venezuela",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
    "VN": "Vietnam",
}

# Strings that refer to more than one country, or that in this domain usually mean something
# other than the country. They are never emitted; listing one by hand is an error.
AMBIGUOUS: frozenset[str] = frozenset(
    {
        "Congo",  # CD or CG (ISO short name of CG)
        "Congolese",  # CD or CG
        "Guinean",  # GN, GW, GQ, PG
        "Dominican",  # DM or DO
        "Korea",  # KP or KR
        "Korean",  # KP or KR
        "Virgin Islands",  # VG or VI
        "Brussels",  # in war coverage almost always the EU, not Belgium
        "The Hague",  # usually the ICC/ICJ, not the Dutch government
        "Jerusalem",  # contested seat of government (IL/PS)
        "Tel Aviv",  # not a capital; contested metonym
        "Male",  # capital of MV, but an ordinary English word once accents are dropped
        "Victoria",  # capital of SC; also an Australian state, a Canadian city, a name
        "San José",  # capital of CR; also San Jose, California
        "Georgetown",  # capital of GY; also the Washington, D.C. university/neighbourhood
        "George Town",  # capital of KY; also Penang, Malaysia
        "St. John's",  # capital of AG; also Newfoundland
        "St. George's",  # capital of GD; generic
        "Hamilton",  # capital of BM; cities in CA, NZ, GB
        "Stanley",  # capital of FK; generic name
        "Douglas",  # capital of IM; generic name
        "San Juan",  # capital of PR; cities in AR, PH, ...
        "Kiwi",  # slang; also the fruit/bird
        "English",  # usually the language
        "Chancellery",  # generic
    }
)

# Hand-written aliases, keyed by ISO 3166-1 alpha-2 code, then by alias kind.
# Accent-free spellings and "St."/"St" forms of "Saint ..." are added automatically.
ALIASES: dict[str, dict[str, list[str]]] = {
    "AD": {DEM: ["Andorran"], CAP: ["Andorra la Vella"]},
    "AE": {NAME: ["UAE"], DEM: ["Emirati"], CAP: ["Abu Dhabi"]},
    "AF": {DEM: ["Afghan"], CAP: ["Kabul"]},
    "AG": {NAME: ["Antigua"], DEM: ["Antiguan", "Barbudan"]},
    "AI": {DEM: ["Anguillan"]},
    "AL": {DEM: ["Albanian"], CAP: ["Tirana"]},
    "AM": {DEM: ["Armenian"], CAP: ["Yerevan"]},
    "AO": {DEM: ["Angolan"], CAP: ["Luanda"]},
    "AR": {
        DEM: ["Argentine", "Argentinian", "Argentinean"],
        CAP: ["Buenos Aires"],
        INST: ["Casa Rosada"],
    },
    "AS": {DEM: ["American Samoan"], CAP: ["Pago Pago"]},
    "AT": {DEM: ["Austrian"], CAP: ["Vienna"]},
    "AU": {DEM: ["Australian"], CAP: ["Canberra"]},
    "AW": {DEM: ["Aruban"], CAP: ["Oranjestad"]},
    "AX": {NAME: ["Åland"], DEM: ["Ålander"], CAP: ["Mariehamn"]},
    "AZ": {DEM: ["Azerbaijani", "Azeri"], CAP: ["Baku"]},
    "BA": {NAME: ["Bosnia", "BiH"], DEM: ["Bosnian"], CAP: ["Sarajevo"]},
    "BB": {DEM: ["Barbadian", "Bajan"], CAP: ["Bridgetown"]},
    "BD": {DEM: ["Bangladeshi"], CAP: ["Dhaka"]},
    "BE": {DEM: ["Belgian"]},
    "BF": {DEM: ["Burkinabè"], CAP: ["Ouagadougou"]},
    "BG": {DEM: ["Bulgarian"], CAP: ["Sofia"]},
    "BH": {DEM: ["Bahraini"], CAP: ["Manama"]},
    "BI": {DEM: ["Burundian"], CAP: ["Gitega", "Bujumbura"]},
    "BJ": {DEM: ["Beninese"], CAP: ["Porto-Novo", "Cotonou"]},
    "BL": {NAME: ["St. Barts", "St Barts", "Saint Barth"], CAP: ["Gustavia"]},
    "BM": {DEM: ["Bermudian"]},
    "BN": {DEM: ["Bruneian"], CAP: ["Bandar Seri Begawan"]},
    "BO": {DEM: ["Bolivian"], CAP: ["La Paz", "Sucre"]},
    "BQ": {NAME: ["Caribbean Netherlands", "Bonaire"], CAP: ["Kralendijk"]},
    "BR": {DEM: ["Brazilian"], CAP: ["Brasília"], INST: ["Planalto", "Itamaraty"]},
    "BS": {DEM: ["Bahamian"], CAP: ["Nassau"]},
    "BT": {DEM: ["Bhutanese"], CAP: ["Thimphu"]},
    "BW": {DEM: ["Botswanan", "Motswana"], CAP: ["Gaborone"]},
    "BY": {NAME: ["Belorussia"], DEM: ["Belarusian", "Belorussian"], CAP: ["Minsk"]},
    "BZ": {DEM: ["Belizean"], CAP: ["Belmopan"]},
    "CA": {DEM: ["Canadian"], CAP: ["Ottawa"], INST: ["Parliament Hill"]},
    "CC": {NAME: ["Cocos Islands", "Keeling Islands"]},
    "CD": {
        NAME: ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"],
        CAP: ["Kinshasa"],
    },
    "CF": {DEM: ["Central African"], CAP: ["Bangui"]},
    "CG": {NAME: ["Republic of Congo", "Congo-Brazzaville"], CAP: ["Brazzaville"]},
    "CH": {DEM: ["Swiss"], CAP: ["Bern", "Berne"]},
    "CI": {NAME: ["Ivory Coast"], DEM: ["Ivorian"], CAP: ["Yamoussoukro", "Abidjan"]},
    "CK": {DEM: ["Cook Islander"], CAP: ["Avarua"]},
    "CL": {DEM: ["Chilean"], CAP: ["Santiago"], INST: ["La Moneda"]},
    "CM": {DEM: ["Cameroonian"], CAP: ["Yaoundé"]},
    "CN": {
        NAME: ["PRC", "People's Republic of China", "Mainland China"],
        DEM: ["Chinese"],
        CAP: ["Beijing", "Peking"],
        INST: ["Zhongnanhai"],
    },
    "CO": {DEM: ["Colombian"], CAP: ["Bogotá"], INST: ["Casa de Nariño"]},
    "CR": {DEM: ["Costa Rican"]},
    "CU": {DEM: ["Cuban"], CAP: ["Havana"]},
    "CV": {NAME: ["Cape Verde"], DEM: ["Cape Verdean", "Cabo Verdean"], CAP: ["Praia"]},
    "CW": {DEM: ["Curaçaoan"], CAP: ["Willemstad"]},
    "CX": {DEM: ["Christmas Islander"], CAP: ["Flying Fish Cove"]},
    "CY": {DEM: ["Cypriot"], CAP: ["Nicosia"]},
    "CZ": {NAME: ["Czech Republic"], DEM: ["Czech"], CAP: ["Prague"], INST: ["Prague Castle"]},
    "DE": {DEM: ["German"], CAP: ["Berlin"], INST: ["Bundestag", "Kanzleramt"]},
    "DJ": {DEM: ["Djiboutian"]},
    "DK": {DEM: ["Danish", "Dane"], CAP: ["Copenhagen"], INST: ["Christiansborg"]},
    "DM": {CAP: ["Roseau"]},
    "DO": {CAP: ["Santo Domingo"]},
    "DZ": {DEM: ["Algerian"], CAP: ["Algiers"]},
    "EC": {DEM: ["Ecuadorian", "Ecuadorean"], CAP: ["Quito"]},
    "EE": {DEM: ["Estonian"], CAP: ["Tallinn"], INST: ["Toompea"]},
    "EG": {DEM: ["Egyptian"], CAP: ["Cairo"]},
    "EH": {DEM: ["Sahrawi", "Saharawi"]},
    "ER": {DEM: ["Eritrean"], CAP: ["Asmara"]},
    "ES": {DEM: ["Spanish", "Spaniard"], CAP: ["Madrid"], INST: ["Moncloa", "La Moncloa"]},
    "ET": {DEM: ["Ethiopian"], CAP: ["Addis Ababa"]},
    "FI": {DEM: ["Finnish", "Finn"], CAP: ["Helsinki"]},
    "FJ": {DEM: ["Fijian"], CAP: ["Suva"]},
    "FK": {NAME: ["Falklands", "Malvinas", "Islas Malvinas"], DEM: ["Falkland Islander"]},
    "FM": {NAME: ["Federated States of Micronesia"], DEM: ["Micronesian"], CAP: ["Palikir"]},
    "FO": {NAME: ["Faroes", "Faeroe Islands"], DEM: ["Faroese"], CAP: ["Tórshavn"]},
    "FR": {
        DEM: ["French"],
        CAP: ["Paris"],
        INST: ["Élysée", "the Élysée", "Élysée Palace", "Matignon", "Quai d'Orsay"],
    },
    "GA": {DEM: ["Gabonese"], CAP: ["Libreville"]},
    "GB": {
        NAME: ["UK", "U.K.", "Britain", "Great Britain"],
        DEM: ["British", "Briton", "Brit"],
        CAP: ["London"],
        INST: ["Downing Street", "Number 10", "No 10", "No. 10", "Whitehall", "Westminster"],
    },
    "GD": {DEM: ["Grenadian"]},
    "GE": {DEM: ["Georgian"], CAP: ["Tbilisi"]},
    "GF": {DEM: ["French Guianese"]},
    "GG": {CAP: ["St Peter Port", "St. Peter Port"]},
    "GH": {DEM: ["Ghanaian"], CAP: ["Accra"]},
    "GI": {DEM: ["Gibraltarian"]},
    "GL": {DEM: ["Greenlandic", "Greenlander"], CAP: ["Nuuk"]},
    "GM": {NAME: ["The Gambia"], DEM: ["Gambian"], CAP: ["Banjul"]},
    "GN": {CAP: ["Conakry"]},
    "GP": {DEM: ["Guadeloupean"]},
    "GQ": {DEM: ["Equatorial Guinean", "Equatoguinean"], CAP: ["Malabo"]},
    "GR": {DEM: ["Greek"], CAP: ["Athens"]},
    "GS": {NAME: ["South Georgia"]},
    "GT": {DEM: ["Guatemalan"], CAP: ["Guatemala City"]},
    "GU": {DEM: ["Guamanian"], CAP: ["Hagåtña"]},
    "GW": {DEM: ["Bissau-Guinean"], CAP: ["Bissau"]},
    "GY": {DEM: ["Guyanese"]},
    "HK": {DEM: ["Hongkonger", "Hong Konger"]},
    "HN": {DEM: ["Honduran"], CAP: ["Tegucigalpa"]},
    "HR": {DEM: ["Croatian", "Croat"], CAP: ["Zagreb"]},
    "HT": {DEM: ["Haitian"], CAP: ["Port-au-Prince"]},
    "HU": {DEM: ["Hungarian"], CAP: ["Budapest"]},
    "ID": {DEM: ["Indonesian"], CAP: ["Jakarta"]},
    "IE": {NAME: ["Republic of Ireland"], DEM: ["Irish"], CAP: ["Dublin"]},
    "IL": {DEM: ["Israeli"], INST: ["Knesset"]},
    "IM": {DEM: ["Manx"]},
    "IN": {NAME: ["Bharat"], DEM: ["Indian"], CAP: ["New Delhi", "Delhi"], INST: ["Raisina Hill"]},
    "IO": {NAME: ["Chagos Islands", "Chagos Archipelago"]},
    "IQ": {DEM: ["Iraqi"], CAP: ["Baghdad"]},
    "IR": {NAME: ["Islamic Republic of Iran"], DEM: ["Iranian"], CAP: ["Tehran"]},
    "IS": {DEM: ["Icelandic", "Icelander"], CAP: ["Reykjavík"]},
    "IT": {DEM: ["Italian"], CAP: ["Rome"], INST: ["Palazzo Chigi", "Farnesina"]},
    "JE": {CAP: ["Saint Helier"]},
    "JM": {DEM: ["Jamaican"], CAP: ["Kingston"]},
    "JO": {DEM: ["Jordanian"], CAP: ["Amman"]},
    "JP": {DEM: ["Japanese"], CAP: ["Tokyo"], INST: ["Kantei"]},
    "KE": {DEM: ["Kenyan"], CAP: ["Nairobi"]},
    "KG": {NAME: ["Kyrgyz Republic"], DEM: ["Kyrgyz", "Kyrgyzstani"], CAP: ["Bishkek"]},
    "KH": {DEM: ["Cambodian"], CAP: ["Phnom Penh"]},
    "KI": {DEM: ["I-Kiribati"], CAP: ["Tarawa", "South Tarawa"]},
    "KM": {NAME: ["Union of the Comoros"], DEM: ["Comoran", "Comorian"], CAP: ["Moroni"]},
    "KN": {NAME: ["Saint Kitts"], DEM: ["Kittitian", "Nevisian"], CAP: ["Basseterre"]},
    "KP": {
        NAME: ["DPRK", "Democratic People's Republic of Korea"],
        DEM: ["North Korean"],
        CAP: ["Pyongyang"],
    },
    "KR": {NAME: ["ROK", "Republic of Korea"], DEM: ["South Korean"], CAP: ["Seoul"]},
    "KW": {DEM: ["Kuwaiti"], CAP: ["Kuwait City"]},
    "KY": {DEM: ["Caymanian"]},
    "KZ": {DEM: ["Kazakh", "Kazakhstani"], CAP: ["Astana", "Nur-Sultan"], INST: ["Akorda"]},
    "LA": {NAME: ["Lao PDR"], DEM: ["Lao", "Laotian"], CAP: ["Vientiane"]},
    "LB": {DEM: ["Lebanese"], CAP: ["Beirut"]},
    "LC": {DEM: ["Saint Lucian"], CAP: ["Castries"]},
    "LI": {DEM: ["Liechtensteiner"], CAP: ["Vaduz"]},
    "LK": {DEM: ["Sri Lankan"], CAP: ["Colombo", "Sri Jayawardenepura Kotte"]},
    "LR": {DEM: ["Liberian"], CAP: ["Monrovia"]},
    "LS": {DEM: ["Basotho", "Mosotho"], CAP: ["Maseru"]},
    "LT": {DEM: ["Lithuanian"], CAP: ["Vilnius"], INST: ["Seimas"]},
    "LU": {DEM: ["Luxembourgish", "Luxembourger"]},
    "LV": {DEM: ["Latvian"], CAP: ["Riga"], INST: ["Saeima"]},
    "LY": {DEM: ["Libyan"], CAP: ["Tripoli"]},
    "MA": {DEM: ["Moroccan"], CAP: ["Rabat"]},
    "MC": {DEM: ["Monégasque"]},
    "MD": {
        NAME: ["Republic of Moldova"],
        DEM: ["Moldovan", "Moldavian"],
        CAP: ["Chișinău", "Kishinev"],
    },
    "ME": {DEM: ["Montenegrin"], CAP: ["Podgorica"]},
    "MG": {DEM: ["Malagasy", "Madagascan"], CAP: ["Antananarivo"]},
    "MH": {DEM: ["Marshallese"], CAP: ["Majuro"]},
    "MK": {NAME: ["Macedonia"], DEM: ["Macedonian", "North Macedonian"], CAP: ["Skopje"]},
    "ML": {DEM: ["Malian"], CAP: ["Bamako"]},
    "MM": {NAME: ["Burma"], DEM: ["Burmese"], CAP: ["Naypyidaw", "Nay Pyi Taw"]},
    "MN": {DEM: ["Mongolian"], CAP: ["Ulaanbaatar", "Ulan Bator"]},
    "MO": {DEM: ["Macanese"]},
    "MP": {NAME: ["Northern Marianas"], CAP: ["Saipan"]},
    "MQ": {CAP: ["Fort-de-France"]},
    "MR": {DEM: ["Mauritanian"], CAP: ["Nouakchott"]},
    "MS": {DEM: ["Montserratian"]},
    "MT": {DEM: ["Maltese"], CAP: ["Valletta"]},
    "MU": {DEM: ["Mauritian"], CAP: ["Port Louis"]},
    "MV": {DEM: ["Maldivian"]},
    "MW": {DEM: ["Malawian"], CAP: ["Lilongwe"]},
    "MX": {DEM: ["Mexican"], CAP: ["Mexico City"]},
    "MY": {DEM: ["Malaysian"], CAP: ["Kuala Lumpur", "Putrajaya"]},
    "MZ": {DEM: ["Mozambican"], CAP: ["Maputo"]},
    "NA": {DEM: ["Namibian"], CAP: ["Windhoek"]},
    "NC": {DEM: ["New Caledonian"], CAP: ["Nouméa"]},
    "NE": {DEM: ["Nigerien"], CAP: ["Niamey"]},
    "NF": {DEM: ["Norfolk Islander"]},
    "NG": {DEM: ["Nigerian"], CAP: ["Abuja"]},
    "NI": {DEM: ["Nicaraguan"], CAP: ["Managua"]},
    "NL": {NAME: ["Holland"], DEM: ["Dutch"], CAP: ["Amsterdam"], INST: ["Binnenhof"]},
    "NO": {DEM: ["Norwegian"], CAP: ["Oslo"]},
    "NP": {DEM: ["Nepali", "Nepalese"], CAP: ["Kathmandu"]},
    "NR": {DEM: ["Nauruan"], CAP: ["Yaren"]},
    "NU": {DEM: ["Niuean"], CAP: ["Alofi"]},
    "NZ": {NAME: ["NZ", "Aotearoa"], DEM: ["New Zealander"], CAP: ["Wellington"]},
    "OM": {DEM: ["Omani"], CAP: ["Muscat"]},
    "PA": {DEM: ["Panamanian"], CAP: ["Panama City"]},
    "PE": {DEM: ["Peruvian"], CAP: ["Lima"]},
    "PF": {DEM: ["French Polynesian"], CAP: ["Papeete"]},
    "PG": {NAME: ["PNG"], DEM: ["Papua New Guinean"], CAP: ["Port Moresby"]},
    "PH": {
        DEM: ["Filipino", "Philippine"],
        CAP: ["Manila"],
        INST: ["Malacañang", "Malacañang Palace"],
    },
    "PK": {DEM: ["Pakistani"], CAP: ["Islamabad"]},
    "PL": {DEM: ["Polish", "Pole"], CAP: ["Warsaw"], INST: ["Sejm"]},
    "PN": {DEM: ["Pitcairn Islander"], CAP: ["Adamstown"]},
    "PR": {DEM: ["Puerto Rican"]},
    "PS": {
        NAME: ["State of Palestine", "Palestinian territories"],
        DEM: ["Palestinian"],
        CAP: ["Ramallah"],
    },
    "PT": {DEM: ["Portuguese"], CAP: ["Lisbon"]},
    "PW": {DEM: ["Palauan"], CAP: ["Ngerulmud"]},
    "PY": {DEM: ["Paraguayan"], CAP: ["Asunción"]},
    "QA": {DEM: ["Qatari"], CAP: ["Doha"]},
    "RE": {DEM: ["Réunionese"]},
    "RO": {DEM: ["Romanian"], CAP: ["Bucharest"]},
    "RS": {DEM: ["Serbian", "Serb"], CAP: ["Belgrade"]},
    "RU": {DEM: ["Russian"], CAP: ["Moscow"], INST: ["Kremlin", "the Kremlin"]},
    "RW": {DEM: ["Rwandan", "Rwandese"], CAP: ["Kigali"]},
    "SA": {NAME: ["KSA"], DEM: ["Saudi", "Saudi Arabian"], CAP: ["Riyadh"]},
    "SB": {DEM: ["Solomon Islander"], CAP: ["Honiara"]},
    "SC": {DEM: ["Seychellois"]},
    "SD": {DEM: ["Sudanese"], CAP: ["Khartoum"]},
    "SE": {DEM: ["Swedish", "Swede"], CAP: ["Stockholm"], INST: ["Rosenbad"]},
    "SG": {DEM: ["Singaporean"]},
    "SH": {
        NAME: ["Saint Helena", "Ascension Island", "Tristan da Cunha"],
        DEM: ["Saint Helenian"],
    },
    "SI": {DEM: ["Slovenian", "Slovene"], CAP: ["Ljubljana"]},
    "SJ": {NAME: ["Svalbard", "Jan Mayen"], CAP: ["Longyearbyen"]},
    "SK": {NAME: ["Slovak Republic"], DEM: ["Slovak", "Slovakian"], CAP: ["Bratislava"]},
    "SL": {DEM: ["Sierra Leonean"], CAP: ["Freetown"]},
    "SM": {DEM: ["Sammarinese"]},
    "SN": {DEM: ["Senegalese"], CAP: ["Dakar"]},
    "SO": {DEM: ["Somali", "Somalian"], CAP: ["Mogadishu"]},
    "SR": {DEM: ["Surinamese"], CAP: ["Paramaribo"]},
    "SS": {DEM: ["South Sudanese"], CAP: ["Juba"]},
    "ST": {DEM: ["Santomean"], CAP: ["São Tomé"]},
    "SV": {DEM: ["Salvadoran", "Salvadorean"], CAP: ["San Salvador"]},
    "SX": {CAP: ["Philipsburg"]},
    "SY": {DEM: ["Syrian"], CAP: ["Damascus"]},
    "SZ": {NAME: ["Swaziland"], DEM: ["Swazi"], CAP: ["Mbabane", "Lobamba"]},
    "TC": {NAME: ["Turks and Caicos"], CAP: ["Cockburn Town"]},
    "TD": {DEM: ["Chadian"], CAP: ["N'Djamena"]},
    "TF": {NAME: ["French Southern and Antarctic Lands"]},
    "TG": {DEM: ["Togolese"], CAP: ["Lomé"]},
    "TH": {DEM: ["Thai"], CAP: ["Bangkok"]},
    "TJ": {DEM: ["Tajik", "Tajikistani"], CAP: ["Dushanbe"]},
    "TK": {DEM: ["Tokelauan"]},
    "TL": {NAME: ["East Timor"], DEM: ["Timorese", "East Timorese"], CAP: ["Dili"]},
    "TM": {DEM: ["Turkmen"], CAP: ["Ashgabat"]},
    "TN": {DEM: ["Tunisian"], CAP: ["Tunis"]},
    "TO": {DEM: ["Tongan"], CAP: ["Nuku'alofa"]},
    "TR": {NAME: ["Turkey"], DEM: ["Turkish", "Turk"], CAP: ["Ankara"]},
    "TT": {NAME: ["Trinidad"], DEM: ["Trinidadian", "Tobagonian"], CAP: ["Port of Spain"]},
    "TV": {DEM: ["Tuvaluan"], CAP: ["Funafuti"]},
    "TW": {DEM: ["Taiwanese"], CAP: ["Taipei"]},
    "TZ": {NAME: ["United Republic of Tanzania"], DEM: ["Tanzanian"], CAP: ["Dodoma"]},
    "UA": {
        DEM: ["Ukrainian"],
        CAP: ["Kyiv", "Kiev"],
        INST: ["Bankova", "Bankova Street", "Verkhovna Rada"],
    },
    "UG": {DEM: ["Ugandan"], CAP: ["Kampala"]},
    "US": {
        NAME: ["U.S.", "US", "USA", "U.S.A.", "United States of America", "America"],
        DEM: ["American", "North American"],
        CAP: ["Washington", "Washington, D.C.", "Washington DC"],
        INST: [
            "the White House",
            "White House",
            "the Pentagon",
            "Pentagon",
            "Capitol Hill",
            "Oval Office",
            "State Department",
        ],
    },
    "UY": {DEM: ["Uruguayan"], CAP: ["Montevideo"]},
    "UZ": {DEM: ["Uzbek", "Uzbekistani"], CAP: ["Tashkent"]},
    "VA": {NAME: ["Holy See", "Vatican", "Vatican City State"]},
    "VC": {NAME: ["Saint Vincent"], DEM: ["Vincentian"], CAP: ["Kingstown"]},
    "VE": {DEM: ["Venezuelan"], CAP: ["Caracas"], INST: ["Miraflores Palace"]},
    "VG": {NAME: ["BVI"], CAP: ["Road Town"]},
    "VI": {NAME: ["US Virgin Islands", "USVI"], CAP: ["Charlotte Amalie"]},
    "VN": {DEM: ["Vietnamese"], CAP: ["Hanoi"]},
    "VU": {DEM: ["Ni-Vanuatu"], CAP: ["Port Vila"]},
    "WF": {CAP: ["Mata-Utu"]},
    "WS": {DEM: ["Samoan"], CAP: ["Apia"]},
    "YE": {DEM: ["Yemeni"], CAP: ["Sanaa", "Sana'a"]},
    "YT": {CAP: ["Mamoudzou"]},
    "ZA": {DEM: ["South African"], CAP: ["Pretoria"], INST: ["Union Buildings"]},
    "ZM": {DEM: ["Zambian"], CAP: ["Lusaka"]},
    "ZW": {DEM: ["Zimbabwean"], CAP: ["Harare"]},
}


def fold(text: str) -> str:
    """Return `text` without combining accents (e.g. "Élysée" -> "Elysee")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def match_key(text: str) -> str:
    """Key used for ambiguity checks: accent-free and case-insensitive."""
    return fold(text).casefold()


def variants(text: str) -> list[str]:
    """Return `text` plus its accent-free and "St."/"St" spellings, without duplicates."""
    out = [text]
    if text.startswith("Saint "):
        rest = text.removeprefix("Saint ")
        out += [f"St. {rest}", f"St {rest}"]
    out += [fold(v) for v in out]
    return list(dict.fromkeys(out))


def country_name(country: Any) -> str:
    """Return the plain English short name for a pycountry country."""
    override = NAME_OVERRIDES.get(country.alpha_2)
    return override or getattr(country, "common_name", None) or country.name


def build_aliases(country: Any, name: str, errors: list[str]) -> list[dict[str, str]]:
    """Return the alias entries for one country, recording rule violations in `errors`."""
    iso2 = country.alpha_2
    hand = ALIASES.get(iso2, {})
    ambiguous = {match_key(a) for a in AMBIGUOUS}
    for kind, values in hand.items():
        if kind not in KINDS:
            errors.append(f"{iso2}: unknown alias kind {kind!r}")
        for value in values:
            if match_key(value) in ambiguous:
                errors.append(f"{iso2}: alias {value!r} is listed as ambiguous")

    derived: list[str] = []
    if name != country.name:
        derived.append(country.name)
    derived += [v for v in variants(name) if v != name]

    entries: list[dict[str, str]] = []
    seen = {name.casefold()}
    for kind in KINDS:
        raw = (derived if kind == NAME else []) + hand.get(kind, [])
        for value in raw:
            for alias in variants(value):
                if not alias or alias != alias.strip():
                    errors.append(f"{iso2}: alias {alias!r} is empty or not stripped")
                if match_key(alias) in ambiguous or alias.casefold() in seen:
                    continue
                seen.add(alias.casefold())
                entries.append({"alias": alias, "kind": kind})
    return entries


class FlowMap(dict[str, str]):
    """A mapping dumped in YAML flow style: {alias: ..., kind: ...}."""


class Quoted(str):
    """A string always dumped double-quoted (keeps "028" a string for every YAML parser)."""


class Dumper(yaml.SafeDumper):
    """SafeDumper that indents nested lists and writes FlowMap in flow style."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_flow_map(dumper: yaml.SafeDumper, data: FlowMap) -> yaml.Node:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


def _represent_quoted(dumper: yaml.SafeDumper, data: Quoted) -> yaml.Node:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(data), style='"')


Dumper.add_representer(FlowMap, _represent_flow_map)
Dumper.add_representer(Quoted, _represent_quoted)


def build() -> list[dict[str, Any]]:
    """Build the country records, raising ValueError if any rule is violated."""
    errors: list[str] = []
    known = {c.alpha_2 for c in pycountry.countries}
    for table, keys in (("NAME_OVERRIDES", NAME_OVERRIDES), ("ALIASES", ALIASES)):
        errors += [f"{table}: unknown country code {k}" for k in sorted(set(keys) - known)]

    records: list[dict[str, Any]] = []
    owner: dict[str, str] = {}
    for country in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        name = country_name(country)
        aliases = build_aliases(country, name, errors)
        for text in [name, *(a["alias"] for a in aliases)]:
            key = match_key(text)
            other = owner.setdefault(key, country.alpha_2)
            if other != country.alpha_2:
                errors.append(f"{text!r} is used by both {other} and {country.alpha_2}")
        records.append(
            {
                "iso2": country.alpha_2,
                "iso3": country.alpha_3,
                "numeric": Quoted(country.numeric),
                "name": name,
                "official_name": getattr(country, "official_name", None),
                "aliases": [FlowMap(a) for a in aliases],
            }
        )
    if len(records) != len(pycountry.countries):
        errors.append(f"expected {len(pycountry.countries)} countries, built {len(records)}")
    if errors:
        raise ValueError("countries.yaml rules violated:\n  " + "\n  ".join(errors))
    return records


def main() -> int:
    """Write data/countries.yaml and report what was written."""
    records = build()
    version = importlib.metadata.version("pycountry")
    header = (
        f"# Generated by data/tools/build_countries.py from pycountry {version}.\n"
        "# Do not edit by hand: change the script and re-run it.\n"
    )
    body = yaml.dump(
        records, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=4096, indent=2
    )
    OUT_PATH.write_text(header + body, encoding="utf-8")
    n_aliases = sum(len(r["aliases"]) for r in records)
    print(f"wrote {OUT_PATH}: {len(records)} countries, {n_aliases} aliases")
    return 0


if __name__ == "__main__":
    sys.exit(main())
