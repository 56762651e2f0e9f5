using System.Collections.Frozen;

namespace ClusterHub.Members;

/// <summary>
/// The reference lists a member's country and NUTS code are checked against.
/// <para>
/// Countries: the 249 officially assigned ISO 3166-1 alpha-2 codes, as Debian's iso-codes 4.15 lists
/// them (<c>/usr/share/iso-codes/json/iso_3166-1.json</c>). Not <see cref="System.Globalization.RegionInfo"/>:
/// it also accepts user-assigned codes such as XK (Kosovo) and depends on the ICU data of the machine.
/// </para>
/// <para>
/// NUTS: no NUTS 2021 list ships with the project, so a code is checked by structure (its country and up
/// to three more letters or digits, one per level) and its country against the countries NUTS covers:
/// the EU, EFTA, the candidate countries and the United Kingdom, as Eurostat's statistical regions do.
/// NUTS writes Greece EL and the United Kingdom UK where ISO writes GR and GB.
/// </para>
/// </summary>
public static class Countries
{
    public static readonly FrozenSet<string> Iso3166Alpha2 = (
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ " +
        "BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR " +
        "CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
        "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU " +
        "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ " +
        "LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ " +
        "MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF " +
        "PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI " +
        "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR " +
        "TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW")
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The country prefixes of NUTS codes: EU 27, EFTA (CH IS LI NO), candidates (AL ME MK RS TR), UK.</summary>
    public static readonly FrozenSet<string> NutsCountries = (
        "AT BE BG CY CZ DE DK EE EL ES FI FR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK " +
        "CH IS LI NO AL ME MK RS TR UK")
        .Split(' ').ToFrozenSet(StringComparer.Ordinal);

    /// <summary>The ISO country of a NUTS country prefix (EL → GR, UK → GB, else the same letters).</summary>
    public static string IsoOfNuts(string nutsCountry) => nutsCountry switch
    {
        "EL" => "GR",
        "UK" => "GB",
        _ => nutsCountry,
    };
}
