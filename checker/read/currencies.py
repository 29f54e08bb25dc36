"""How news writes currencies: signs, ISO 4217 codes and names.

Each table maps what is written to an ISO code. A name can carry its
country ("Australian dollars", "Saudi riyals"); a bare "dollars" is the US
dollar and a bare "pounds" sterling, as in most English-language news.
Subunits ("20 cents", "470 pence") are money in hundredths of the unit.
"""

from __future__ import annotations

SIGNS = {
    "US$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "HK$": "HKD",
    "NZ$": "NZD", "S$": "SGD", "NT$": "TWD", "R$": "BRL", "MX$": "MXN", "$": "USD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
    "₦": "NGN", "₱": "PHP", "₪": "ILS", "₫": "VND", "₴": "UAH", "Rs.": "INR", "Rs": "INR",
    "RM": "MYR", "Rp": "IDR", "R": "ZAR",
    "dlrs": "USD", "dlr": "USD",  # wire copy: "dlrs 3 billion"
}
# The one-character signs besides "$" and "R": "€", "£", "₹", ...
SYMBOLS = "".join(sign for sign in SIGNS if len(sign) == 1 and sign not in ("$", "R"))
CODES = frozenset(
    """
    USD EUR GBP JPY CNY RMB INR AUD CAD CHF HKD NZD ZAR RUB KRW BRL MXN SGD SEK NOK DKK
    PLN CZK HUF TRY ILS SAR AED QAR KWD BHD OMR IQD JOD IRR TZS UGX ISK EGP NGN KES GHS ETB MAD PKR BDT LKR IDR
    MYR THB PHP VND TWD UAH ARS CLP COP PEN
    DEM FRF ITL ESP NLG BEF ATS PTE FIM
    """.split()
)
CODE_ALIASES = {"RMB": "CNY"}
SORTED_CODES = tuple(sorted(CODES))  # for messages and grammars that list them

# name -> code, singular and plural; a country's adjective may come first.
# Names several countries use (peso, riyal, dinar, shilling, krone) need it.
_NAMES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yuan": "CNY",
    "renminbi": "CNY", "rmb": "CNY", "yen": "JPY", "rupee": "INR", "rand": "ZAR",
    "rouble": "RUB", "ruble": "RUB", "won": "KRW", "reais": "BRL", "franc": "CHF",
    "krona": "SEK", "kronor": "SEK", "zloty": "PLN", "zlotys": "PLN", "lira": "TRY",
    "lire": "ITL", "shekel": "ILS", "naira": "NGN", "cedi": "GHS", "birr": "ETB",
    "taka": "BDT", "rupiah": "IDR",
    "ringgit": "MYR", "baht": "THB", "dong": "VND", "hryvnia": "UAH", "hryvnias": "UAH",
    "forint": "HUF", "koruna": "CZK", "dlr": "USD",
    # the currencies the euro replaced, as older news names them
    "guilder": "NLG", "peseta": "ESP", "markka": "FIM", "markkaa": "FIM", "escudo": "PTE", "schilling": "ATS",
}
_COUNTRIES = {  # adjective -> {name: code}, where the name differs from the bare one's
    "us": {"dollar": "USD"}, "american": {"dollar": "USD"}, "australian": {"dollar": "AUD"},
    "canadian": {"dollar": "CAD"}, "hong kong": {"dollar": "HKD"},
    "new zealand": {"dollar": "NZD"}, "singapore": {"dollar": "SGD"},
    "taiwan": {"dollar": "TWD"}, "taiwanese": {"dollar": "TWD"}, "chinese": {"yuan": "CNY"},
    "japanese": {"yen": "JPY"}, "indian": {"rupee": "INR"}, "pakistani": {"rupee": "PKR"},
    "sri lankan": {"rupee": "LKR"}, "indonesian": {"rupiah": "IDR"},
    "south african": {"rand": "ZAR"}, "russian": {"rouble": "RUB", "ruble": "RUB"},
    "south korean": {"won": "KRW"}, "korean": {"won": "KRW"}, "brazilian": {"real": "BRL", "reais": "BRL"},
    "mexican": {"peso": "MXN"}, "argentine": {"peso": "ARS"}, "argentinian": {"peso": "ARS"},
    "chilean": {"peso": "CLP"}, "colombian": {"peso": "COP"}, "philippine": {"peso": "PHP"},
    "swiss": {"franc": "CHF"}, "swedish": {"krona": "SEK", "kronor": "SEK", "crown": "SEK"},
    "norwegian": {"krone": "NOK", "kroner": "NOK", "crown": "NOK"},
    "danish": {"krone": "DKK", "kroner": "DKK", "crown": "DKK"},
    "czech": {"koruna": "CZK", "crown": "CZK"}, "polish": {"zloty": "PLN"},
    "hungarian": {"forint": "HUF"}, "turkish": {"lira": "TRY"}, "icelandic": {"krona": "ISK"}, "israeli": {"shekel": "ILS"},
    "saudi": {"riyal": "SAR"}, "qatari": {"riyal": "QAR"}, "omani": {"riyal": "OMR", "rial": "OMR"},
    "emirati": {"dirham": "AED"}, "uae": {"dirham": "AED"}, "moroccan": {"dirham": "MAD"},
    "kuwaiti": {"dinar": "KWD"}, "iraqi": {"dinar": "IQD"}, "jordanian": {"dinar": "JOD"}, "bahraini": {"dinar": "BHD"}, "egyptian": {"pound": "EGP"},
    "nigerian": {"naira": "NGN"}, "kenyan": {"shilling": "KES"}, "ghanaian": {"cedi": "GHS"},
    "ethiopian": {"birr": "ETB"}, "bangladeshi": {"taka": "BDT"}, "malaysian": {"ringgit": "MYR"},
    "thai": {"baht": "THB"}, "vietnamese": {"dong": "VND"}, "ukrainian": {"hryvnia": "UAH"},
    "peruvian": {"sol": "PEN"}, "british": {"pound": "GBP"}, "iranian": {"rial": "IRR"},
    "tanzanian": {"shilling": "TZS"}, "ugandan": {"shilling": "UGX"},
    "german": {"mark": "DEM"}, "deutsche": {"mark": "DEM"}, "french": {"franc": "FRF"},
    "belgian": {"franc": "BEF"}, "italian": {"lira": "ITL", "lire": "ITL"}, "dutch": {"guilder": "NLG"},
    "spanish": {"peseta": "ESP"}, "finnish": {"markka": "FIM"}, "portuguese": {"escudo": "PTE"},
    "austrian": {"schilling": "ATS"},
}
_UNCOUNTABLE = {"sterling", "renminbi", "rmb", "yen", "yuan", "rand", "won", "naira", "baht", "rupiah", "ringgit", "dong", "taka", "birr", "reais", "kronor", "kroner", "lire", "zlotys", "hryvnias", "lira", "zloty", "markkaa"}


def _forms(name: str) -> list[str]:
    if name in _UNCOUNTABLE:
        return [name]
    return [name, name + "s"]


NAMES = {form: code for name, code in _NAMES.items() for form in _forms(name)} | {
    f"{country} {form}": code
    for country, names in _COUNTRIES.items()
    for name, code in names.items()
    for form in _forms(name)
}
# Hundredths of a unit: "20 cents", "470 pence", "50p", "42.5 Canadian cents"
SUBUNITS = {"cents": "USD", "cent": "USD", "pence": "GBP", "penny": "GBP"} | {
    f"{country} {cents}": names["dollar"]
    for country, names in _COUNTRIES.items() if "dollar" in names for cents in ("cents", "cent")
}
