using System.Globalization;
using System.Text.RegularExpressions;
using ClusterHub.Web;

namespace ClusterHub.Members;

/// <summary>
/// A member as a person or a file gives it: every field as text, validated once here for the
/// form, the API, the CSV import and the JSON import alike.
/// </summary>
public sealed record MemberInput
{
    public string? Name { get; init; }
    public string? Type { get; init; }
    public string? Headcount { get; init; }
    public string? TurnoverEur { get; init; }
    public string? NationalId { get; init; }
    public string? Country { get; init; }
    public string? Region { get; init; }
    public string? Departement { get; init; }
    public string? NutsCode { get; init; }
    public string? City { get; init; }
    public string? SectorCodes { get; init; }
    public string? FoundingMember { get; init; }
    public string? JoinedOn { get; init; }
    public string? Status { get; init; }
    public string? StatusSince { get; init; }
    public IReadOnlyList<ContactInput> Contacts { get; init; } = [];
}

public sealed record ContactInput(string? FullName, string? Role, string? Email, string? Phone, string? ConsentToContact);

/// <summary>One problem with one field: <c>Field</c> is the column or property name as the input spelled it.</summary>
public sealed record FieldError(string Field, string? Value, string Reason);

/// <summary>A remark on an input that is stored all the same, e.g. a name another member already has.</summary>
public sealed record MemberWarning(string Field, string Reason, int MemberId, string MemberName);

/// <summary>
/// How much a member record holds. <see cref="MemberValidation.Apply"/> enforces every one of these and
/// <see cref="MemberConfiguration"/> gives each column the same length, so the database agrees with the validator.
/// Coded fields (country, French région and département, NUTS, SIREN/SIRET/VAT, NACE) are checked against
/// their lists or patterns, which keep them within their columns; a département or région abroad is free text.
/// </summary>
public static class MemberLimits
{
    public const int Name = 200;

    /// <summary>Hangul syllables decompose into up to three letters (jamo), so the normalised name can be three times as long.</summary>
    public const int NormalizedName = Name * 3;

    public const int NationalId = 32;
    public const int Region = 100;
    public const int Departement = 3;
    public const int NutsCode = 5;
    public const int City = 200;

    /// <summary>As <see cref="NormalizedName"/>: a Hangul city normalises to up to three times its length.</summary>
    public const int NormalizedCity = City * 3;
    public const int SectorCodes = 200;
    public const int ContactName = 200;
    public const int ContactRole = 100;

    /// <summary>RFC 5321: a forward path holds at most 256 characters, two of them the angle brackets.</summary>
    public const int ContactEmail = 254;

    public const int ContactPhone = 32;
    public const int Contacts = 20;
    public const int StatusReason = 200;

    /// <summary>The largest employers have about two million staff; more is a typing error (and near int's limit).</summary>
    public const int MaxHeadcount = 10_000_000;

    /// <summary>Ten thousand billion euros, some twenty times the largest company's yearly turnover.</summary>
    public const long MaxTurnoverEur = 10_000_000_000_000;

    /// <summary>No member joined a cluster, or changed status, before 1900; older dates are typing errors (0001-01-01 is a blank date).</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);
}

public static partial class MemberValidation
{
    /// <summary>
    /// Validates <paramref name="input"/> and, when it is valid, writes it onto <paramref name="member"/>.
    /// <para>
    /// Dates: <c>joined_on</c> and <c>status_since</c> lie between <see cref="MemberLimits.EarliestDate"/> and
    /// <paramref name="today"/>. The record says what has happened, not what is planned: a membership that starts
    /// next January, or a departure announced for the end of the year, is recorded on the day, because renewals,
    /// the growth charts and the status itself count from these dates and would count a planned change as done.
    /// </para>
    /// </summary>
    public static List<FieldError> Apply(MemberInput input, Member member, DateOnly today)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string? value, string reason) => errors.Add(new(field, InputText.Echo(value), reason));

        // Free text: trimmed, null when blank, within its column, readable.
        string? Text(string field, string? value, int maxLength)
        {
            var text = InputText.Blank(value);
            if (text is not null && InputText.Check(text, maxLength) is { } reason) Fail(field, value, reason);
            return text;
        }

        var name = Text("name", input.Name, MemberLimits.Name);
        if (name is null) Fail("name", input.Name, "is required");

        MemberType type = default;
        if (string.IsNullOrWhiteSpace(input.Type)) Fail("type", input.Type, "is required");
        else if (!TryParseEnum(input.Type, out type)) Fail("type", input.Type, $"is not one of {string.Join(", ", Enum.GetNames<MemberType>())}");

        var headcount = (int?)ParseWhole(input.Headcount, "headcount", MemberLimits.MaxHeadcount, "is not a whole number ≥ 0", Fail);
        var turnover = ParseWhole(input.TurnoverEur, "turnover_eur", MemberLimits.MaxTurnoverEur, "is not a whole number of euros ≥ 0", Fail);

        var country = string.IsNullOrWhiteSpace(input.Country) ? "FR" : input.Country.Trim().ToUpperInvariant();
        if (!Countries.Iso3166Alpha2.Contains(country)) Fail("country", input.Country, "is not an ISO 3166 country code (e.g. FR, DE, KR)");

        var nationalId = InputText.Blank(input.NationalId)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (nationalId is not null && !IsValidNationalId(nationalId, country)) Fail("national_id", input.NationalId, "is not a valid SIREN (9 digits), SIRET (14 digits) or VAT number");

        string? departement, region;
        if (country == "FR")
        {
            departement = InputText.Blank(input.Departement)?.ToUpperInvariant();
            region = InputText.Blank(input.Region);
            if (departement is not null && departement.Length == 1) departement = "0" + departement;
            if (departement is not null && !FrenchGeography.RegionOfDepartement.ContainsKey(departement)) Fail("departement", input.Departement, "is not a French département code");
            if (region is not null && !FrenchGeography.Regions.ContainsKey(region)) Fail("region", input.Region, "is not an INSEE region code (e.g. 27, 84)");
            if (departement is not null && FrenchGeography.RegionOfDepartement.TryGetValue(departement, out var regionOfDep))
            {
                if (region is null) region = regionOfDep;
                else if (region != regionOfDep) Fail("region", input.Region, $"does not contain département {departement} (which is in region {regionOfDep})");
            }
        }
        else
        {
            departement = Text("departement", input.Departement, MemberLimits.Departement)?.ToUpperInvariant();
            region = Text("region", input.Region, MemberLimits.Region);
        }

        var nuts = InputText.Blank(input.NutsCode)?.ToUpperInvariant();
        if (nuts is not null)
        {
            if (!NutsCode().IsMatch(nuts) || !Countries.NutsCountries.Contains(nuts[..2])) Fail("nuts_code", input.NutsCode, "is not a NUTS code (e.g. DE21, ITC4)");
            else if (Countries.IsoOfNuts(nuts[..2]) != country) Fail("nuts_code", input.NutsCode, $"is not a NUTS region of {country}");
        }

        var city = Text("city", input.City, MemberLimits.City);

        var sectors = InputText.Blank(input.SectorCodes);
        if (sectors is not null)
        {
            var codes = sectors.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var bad = codes.FirstOrDefault(c => !NaceCode().IsMatch(c));
            sectors = string.Join(' ', codes);
            if (bad is not null) Fail("sector_codes", input.SectorCodes, $"'{InputText.Echo(bad)}' is not a NACE/NAF code (e.g. 25.11 or 25.11Z)");
            else if (sectors.Length > MemberLimits.SectorCodes) Fail("sector_codes", input.SectorCodes, InputText.TooLong(MemberLimits.SectorCodes));
        }

        var founding = false;
        if (InputText.Blank(input.FoundingMember) is { } f && !TryParseBool(f, out founding)) Fail("founding_member", input.FoundingMember, "is not yes/no (true/false, 1/0)");

        var joined = ParseDate(input.JoinedOn, "joined_on", today, Fail);
        if (joined is null && string.IsNullOrWhiteSpace(input.JoinedOn)) Fail("joined_on", input.JoinedOn, "is required");

        var status = MemberStatus.Active;
        if (InputText.Blank(input.Status) is { } s && !TryParseEnum(s, out status)) Fail("status", input.Status, "is not Active, Lapsed or Left");
        var since = ParseDate(input.StatusSince, "status_since", today, Fail);
        if (since is { } d && joined is { } j && d < j) { Fail("status_since", input.StatusSince, "is before the join date"); since = null; }
        // A member whose status does not change keeps its status date, which may not come before a corrected join date:
        // active since it joined, the status date moves with the join date; otherwise the correction is refused.
        DateOnly? movedSince = null;
        if (member.Id != 0 && member.Status == status && joined is { } newJoin && member.StatusSince < newJoin)
        {
            if (status == MemberStatus.Active && member.StatusSince == member.JoinedOn) movedSince = newJoin;
            else Fail("joined_on", input.JoinedOn, "is after the date of the member's current status");
        }

        var contacts = new List<MemberContact>();
        if (input.Contacts.Count > MemberLimits.Contacts) Fail("contacts", null, $"has more than {MemberLimits.Contacts} entries");
        else for (var i = 0; i < input.Contacts.Count; i++)
        {
            var c = input.Contacts[i];
            var prefix = input.Contacts.Count == 1 ? "contact_" : $"contacts[{i}].";
            var fullName = Text(prefix + "name", c.FullName, MemberLimits.ContactName);
            if (fullName is null) { Fail(prefix + "name", c.FullName, "is required for a contact"); continue; }
            var email = Text(prefix + "email", c.Email, MemberLimits.ContactEmail);
            if (email is not null && !Email().IsMatch(email)) Fail(prefix + "email", c.Email, "is not an e-mail address");
            var consent = false;
            if (InputText.Blank(c.ConsentToContact) is { } cc && !TryParseBool(cc, out consent)) Fail(prefix + "consent", c.ConsentToContact, "is not yes/no");
            contacts.Add(new MemberContact
            {
                FullName = fullName, Role = Text(prefix + "role", c.Role, MemberLimits.ContactRole), Email = email,
                Phone = Text(prefix + "phone", c.Phone, MemberLimits.ContactPhone), ConsentToContact = consent,
            });
        }

        if (errors.Count > 0) return errors;

        member.Name = name!;
        member.Type = type;
        member.Headcount = headcount;
        member.TurnoverEur = turnover;
        member.NationalId = nationalId;
        member.Country = country;
        member.Region = region;
        member.Departement = departement;
        member.NutsCode = nuts;
        member.City = city;
        member.SectorCodes = sectors;
        member.IsFoundingMember = founding;
        member.JoinedOn = joined!.Value;
        if (movedSince is { } moved) member.StatusSince = moved;
        if (member.Id == 0 || member.Status != status)
        {
            var from = since ?? (status == MemberStatus.Active && member.Id == 0 ? member.JoinedOn : today);
            if (member.Id == 0) member.StatusHistory.Add(new MemberStatusChange { Status = MemberStatus.Active, On = member.JoinedOn, Reason = "joined" });
            if (status != MemberStatus.Active || member.Id != 0) member.StatusHistory.Add(new MemberStatusChange { Status = status, On = from });
            member.Status = status;
            member.StatusSince = from;
        }
        if (input.Contacts.Count > 0 || member.Id == 0) ReplaceContacts(member, contacts);
        member.Normalize();
        return errors;
    }

    private static void ReplaceContacts(Member member, List<MemberContact> contacts)
    {
        // Keep rows that did not change so a re-import writes nothing.
        var same = member.Contacts.Count == contacts.Count && member.Contacts.Zip(contacts).All(p =>
            p.First.FullName == p.Second.FullName && p.First.Role == p.Second.Role && p.First.Email == p.Second.Email
            && p.First.Phone == p.Second.Phone && p.First.ConsentToContact == p.Second.ConsentToContact);
        if (same) return;
        member.Contacts.Clear();
        member.Contacts.AddRange(contacts);
    }

    /// <summary>A whole number of at most <paramref name="max"/>, or null when blank; digits only, so no sign, no separators.</summary>
    private static long? ParseWhole(string? text, string field, long max, string reason, Action<string, string?, string> fail)
    {
        if (InputText.Blank(text) is not { } t) return null;
        if (!t.All(char.IsAsciiDigit)) { fail(field, text, reason); return null; }
        if (t.TrimStart('0').Length > 19 || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
        { fail(field, text, $"is larger than {max.ToString(CultureInfo.InvariantCulture)}"); return null; }
        return value;
    }

    /// <summary>A yyyy-mm-dd date between <see cref="MemberLimits.EarliestDate"/> and today, or null when blank or wrong.</summary>
    private static DateOnly? ParseDate(string? text, string field, DateOnly today, Action<string, string?, string> fail)
    {
        if (InputText.Blank(text) is not { } t) return null;
        if (!DateOnly.TryParseExact(t, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) fail(field, text, "is not a date yyyy-mm-dd");
        else if (date < MemberLimits.EarliestDate) fail(field, text, "is before 1900");
        else if (date > today) fail(field, text, "is in the future");
        else return date;
        return null;
    }

    /// <summary>Accepts "Sme", "SME", "micro-startup", "large_company": case, dashes, underscores and spaces are ignored.</summary>
    public static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum
    {
        var key = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        // Names only: Enum.TryParse also reads numbers and "Sme,University" (the two values OR-ed together).
        value = default;
        return key.Length > 0 && key.All(char.IsAsciiLetter) && Enum.TryParse(key, ignoreCase: true, out value) && Enum.IsDefined(value);
    }

    /// <summary>The words a yes/no field accepts, any case; the import template lists them.</summary>
    public static readonly IReadOnlyList<string> Yes = ["yes", "true", "y", "1", "oui", "on"];
    public static readonly IReadOnlyList<string> No = ["no", "false", "n", "0", "non", "off"];

    private static bool TryParseBool(string text, out bool value)
    {
        var word = text.Trim();
        value = Yes.Contains(word, StringComparer.OrdinalIgnoreCase);
        return value || No.Contains(word, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>SIREN and SIRET carry a Luhn check digit; a VAT number starts with the country code.</summary>
    public static bool IsValidNationalId(string id, string country)
    {
        if (id.All(char.IsAsciiDigit) && id.Length is 9 or 14) return Luhn(id);
        return VatNumber().IsMatch(id);
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>The country, then one letter or digit per level (1 to 3); see <see cref="Countries"/> for why no list.</summary>
    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{0,3}$")] private static partial Regex NutsCode();
    [GeneratedRegex(@"^\d{2}(\.\d{1,2}[A-Z]?)?$")] private static partial Regex NaceCode();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex Email();
    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{2,13}$")] private static partial Regex VatNumber();
}
