using System.Globalization;
using System.Text.RegularExpressions;

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

public static partial class MemberValidation
{
    /// <summary>Validates <paramref name="input"/> and, when it is valid, writes it onto <paramref name="member"/>.</summary>
    public static List<FieldError> Apply(MemberInput input, Member member, DateOnly today)
    {
        var errors = new List<FieldError>();
        void Fail(string field, string? value, string reason) => errors.Add(new(field, value, reason));

        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name)) Fail("name", input.Name, "is required");
        else if (name.Length > 200) Fail("name", name, "is longer than 200 characters");

        MemberType type = default;
        if (string.IsNullOrWhiteSpace(input.Type)) Fail("type", input.Type, "is required");
        else if (!TryParseEnum(input.Type, out type)) Fail("type", input.Type, $"is not one of {string.Join(", ", Enum.GetNames<MemberType>())}");

        var headcount = ParseOptional(input.Headcount, "headcount", Fail, s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null, "is not a whole number ≥ 0");
        var turnover = ParseOptional(input.TurnoverEur, "turnover_eur", Fail, s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null, "is not a whole number of euros ≥ 0");

        var country = string.IsNullOrWhiteSpace(input.Country) ? "FR" : input.Country.Trim().ToUpperInvariant();
        if (!CountryCode().IsMatch(country)) Fail("country", input.Country, "is not a two-letter ISO country code");

        var nationalId = Blank(input.NationalId)?.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        if (nationalId is not null && !IsValidNationalId(nationalId, country)) Fail("national_id", input.NationalId, "is not a valid SIREN (9 digits), SIRET (14 digits) or VAT number");

        var departement = Blank(input.Departement)?.ToUpperInvariant();
        var region = Blank(input.Region);
        if (country == "FR")
        {
            if (departement is not null && departement.Length == 1) departement = "0" + departement;
            if (departement is not null && !FrenchGeography.RegionOfDepartement.ContainsKey(departement)) Fail("departement", input.Departement, "is not a French département code");
            if (region is not null && !FrenchGeography.Regions.ContainsKey(region)) Fail("region", input.Region, "is not an INSEE region code (e.g. 27, 84)");
            if (departement is not null && FrenchGeography.RegionOfDepartement.TryGetValue(departement, out var regionOfDep))
            {
                if (region is null) region = regionOfDep;
                else if (region != regionOfDep) Fail("region", input.Region, $"does not contain département {departement} (which is in region {regionOfDep})");
            }
        }
        var city = Blank(input.City);
        if (city is not null && city.Length > 200) Fail("city", city, "is longer than 200 characters");
        var nuts = Blank(input.NutsCode)?.ToUpperInvariant();
        if (nuts is not null && !NutsCode().IsMatch(nuts)) Fail("nuts_code", input.NutsCode, "is not a NUTS code (e.g. DE21, ITC4)");

        var sectors = Blank(input.SectorCodes);
        if (sectors is not null)
        {
            var codes = sectors.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries);
            var bad = codes.FirstOrDefault(c => !NaceCode().IsMatch(c));
            if (bad is not null) Fail("sector_codes", input.SectorCodes, $"'{bad}' is not a NACE/NAF code (e.g. 25.11 or 25.11Z)");
            sectors = string.Join(' ', codes);
        }

        var founding = false;
        if (Blank(input.FoundingMember) is { } f && !TryParseBool(f, out founding)) Fail("founding_member", input.FoundingMember, "is not yes/no (true/false, 1/0)");

        DateOnly joined = default;
        if (string.IsNullOrWhiteSpace(input.JoinedOn)) Fail("joined_on", input.JoinedOn, "is required");
        else if (!DateOnly.TryParseExact(input.JoinedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out joined)) Fail("joined_on", input.JoinedOn, "is not a date yyyy-mm-dd");
        else if (joined > today) Fail("joined_on", input.JoinedOn, "is in the future");

        var status = MemberStatus.Active;
        if (Blank(input.Status) is { } s && !TryParseEnum(s, out status)) Fail("status", input.Status, "is not Active, Lapsed or Left");
        DateOnly? since = null;
        if (Blank(input.StatusSince) is { } ss)
        {
            if (!DateOnly.TryParseExact(ss, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) Fail("status_since", ss, "is not a date yyyy-mm-dd");
            else if (joined != default && d < joined) Fail("status_since", ss, "is before the join date");
            else since = d;
        }

        var contacts = new List<MemberContact>();
        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var c = input.Contacts[i];
            var prefix = input.Contacts.Count == 1 ? "contact_" : $"contacts[{i}].";
            if (string.IsNullOrWhiteSpace(c.FullName)) { Fail(prefix + "name", c.FullName, "is required for a contact"); continue; }
            var email = Blank(c.Email);
            if (email is not null && !Email().IsMatch(email)) Fail(prefix + "email", c.Email, "is not an e-mail address");
            var consent = false;
            if (Blank(c.ConsentToContact) is { } cc && !TryParseBool(cc, out consent)) Fail(prefix + "consent", c.ConsentToContact, "is not yes/no");
            contacts.Add(new MemberContact { FullName = c.FullName.Trim(), Role = Blank(c.Role), Email = email, Phone = Blank(c.Phone), ConsentToContact = consent });
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
        member.JoinedOn = joined;
        if (member.Id == 0 || member.Status != status)
        {
            var from = since ?? (status == MemberStatus.Active && member.Id == 0 ? joined : today);
            if (member.Id == 0) member.StatusHistory.Add(new MemberStatusChange { Status = MemberStatus.Active, On = joined, Reason = "joined" });
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

    private static T? ParseOptional<T>(string? text, string field, Action<string, string?, string> fail, Func<string, T?> parse, string reason) where T : struct
    {
        if (Blank(text) is not { } t) return null;
        var value = parse(t);
        if (value is null) fail(field, text, reason);
        return value;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    /// <summary>Accepts "Sme", "SME", "micro-startup", "large_company": case, dashes, underscores and spaces are ignored.</summary>
    public static bool TryParseEnum<T>(string text, out T value) where T : struct, Enum
    {
        var key = text.Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return Enum.TryParse(key, ignoreCase: true, out value) && Enum.IsDefined(value) && !int.TryParse(key, CultureInfo.InvariantCulture, out _);
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

    [GeneratedRegex("^[A-Z]{2}$")] private static partial Regex CountryCode();
    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{0,3}$")] private static partial Regex NutsCode();
    [GeneratedRegex(@"^\d{2}(\.\d{1,2}[A-Z]?)?$")] private static partial Regex NaceCode();
    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")] private static partial Regex Email();
    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{2,13}$")] private static partial Regex VatNumber();
}
