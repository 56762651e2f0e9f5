using System.Globalization;
using System.Text.Json;
using ClusterHub.Exchange;

namespace ClusterHub.Members;

/// <summary>A record read from a file with the row it came from (CSV: line number, header = 1; JSON: 1-based position in the array).</summary>
public sealed record MemberFileRow(int Row, MemberInput Input);

/// <summary>
/// The member exchange format, in CSV and JSON with the same field names, so that an export
/// imports back unchanged. CSV holds one contact per row; JSON holds them all. The text comes
/// through the exchange kit (<see cref="DecodedText"/>, <see cref="CsvRows"/>, <see cref="Export"/>).
/// </summary>
public static class MemberFile
{
    public static readonly string[] Columns =
    [
        "name", "type", "headcount", "turnover_eur", "national_id", "country", "region", "departement", "nuts_code", "city",
        "sector_codes", "founding_member", "joined_on", "status", "status_since",
        "contact_name", "contact_role", "contact_email", "contact_phone", "contact_consent",
    ];

    private static readonly string[] RequiredColumns = ["name", "type", "joined_on"];

    public static string DownloadStem(string clusterSlug) => $"{clusterSlug}-members";

    /// <summary>From the file's name, unless the caller says (the CLI's --format, an upload's content type).</summary>
    public static FileFormat FormatOf(string fileName, FileFormat? declared = null) =>
        declared ?? Path.GetExtension(fileName).ToLowerInvariant() switch { ".json" => FileFormat.Json, ".xlsx" => FileFormat.Xlsx, _ => FileFormat.Csv };

    /// <summary>
    /// The rows of a file, read as they are enumerated (a CSV is never held whole); problems go to <paramref name="errors"/>.
    /// A file whose header is wrong yields no row.
    /// </summary>
    public static IEnumerable<MemberFileRow> Read(TextReader reader, string file, FileFormat format, LocatedErrors errors) => format switch
    {
        FileFormat.Json => ReadJson(reader, file, errors),
        FileFormat.Xlsx => Refuse(file, errors, "xlsx files are not imported: save the sheet as CSV (UTF-8) and import that"),
        _ => ReadCsv(reader, file, errors),
    };

    private static IEnumerable<MemberFileRow> Refuse(string file, LocatedErrors errors, string reason)
    {
        errors.Add(new(file, 1, "", null, reason));
        return [];
    }

    private static IEnumerable<MemberFileRow> ReadCsv(TextReader reader, string file, LocatedErrors errors)
    {
        CsvRows csv;
        try { csv = new CsvRows(reader, file); }
        catch (MalformedFileException e) { errors.Add(e.Error); yield break; }
        using (csv)
        {
            var header = csv.Header.Select(h => h.ToLowerInvariant()).ToArray();
            var before = errors.Total;
            foreach (var unknown in header.Where(h => !Columns.Contains(h)))
                errors.Add(new(file, 1, unknown, null, $"is not a known column (known: {string.Join(", ", Columns)})"));
            foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
                errors.Add(new(file, 1, missing, null, "required column is missing"));
            if (errors.Total > before) yield break;

            var index = Columns.ToDictionary(c => c, c => Array.IndexOf(header, c));
            string? Get(string column) => CsvCells.Restore(csv.Optional(index[column]));
            while (true)
            {
                try { if (!csv.Read()) yield break; }
                catch (MalformedFileException e) { errors.Add(e.Error); yield break; }
                var contactName = Get("contact_name");
                var contacts = contactName is null && Get("contact_email") is null
                    ? []
                    : new[] { new ContactInput(contactName, Get("contact_role"), Get("contact_email"), Get("contact_phone"), Get("contact_consent")) };
                yield return new(csv.Line, Input(Get, contacts));
            }
        }
    }

    /// <remarks>
    /// A JSON file is parsed whole (JsonDocument); CSV is the format for large imports. The parser accepts what a reader
    /// of its values cannot use (a contact that is not an object, an escaped unpaired surrogate such as <c>"\ud800"</c>,
    /// which has no UTF-8 form), so each member is read whole before it is yielded and such a member becomes a located
    /// error of its own row, like any invalid value.
    /// </remarks>
    private static IEnumerable<MemberFileRow> ReadJson(TextReader reader, string file, LocatedErrors errors)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(reader.ReadToEnd()); }
        catch (JsonException e)
        {
            errors.Add(new(file, (int)(e.LineNumber ?? 0) + 1, "", null, $"the JSON cannot be read at position {e.BytePositionInLine}: {e.Message.Split('.')[0]}"));
            yield break;
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { errors.Add(new(file, 0, "", null, "the JSON must be an array of members")); yield break; }
            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                index++;
                if (e.ValueKind != JsonValueKind.Object) { errors.Add(new(file, index, "", null, "is not an object")); continue; }
                MemberInput input;
                try { input = ReadMember(e, file, index, errors); }
                catch (InvalidOperationException)
                {
                    // JsonElement's text accessors throw this, and only this, for an escape with no UTF-16 pair.
                    errors.Add(new(file, index, "", null, "contains an invalid \\u escape (an unpaired surrogate)"));
                    continue;
                }
                yield return new(index, input);
            }
        }
    }

    private static MemberInput ReadMember(JsonElement e, string file, int index, LocatedErrors errors)
    {
        foreach (var p in e.EnumerateObject().Where(p => p.Name != "contacts" && !Columns.Contains(p.Name)))
            errors.Add(new(file, index, p.Name, null, "is not a known field"));
        var contacts = new List<ContactInput>();
        if (e.TryGetProperty("contacts", out var cs) && cs.ValueKind is not (JsonValueKind.Null or JsonValueKind.Array))
            errors.Add(new(file, index, "contacts", null, "is not an array of contacts"));
        else if (cs.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var c in cs.EnumerateArray())
            {
                if (c.ValueKind == JsonValueKind.Object) contacts.Add(new(Get(c, "name"), Get(c, "role"), Get(c, "email"), Get(c, "phone"), Get(c, "consent")));
                else errors.Add(new(file, index, $"contacts[{i}]", null, "is not an object"));
                i++;
            }
        }
        return Input(name => Get(e, name), contacts);
    }

    private static string? Get(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => v.GetRawText(),
    } : null;

    /// <summary>The one mapping from the exchange format's field names to a <see cref="MemberInput"/>.</summary>
    private static MemberInput Input(Func<string, string?> get, IReadOnlyList<ContactInput> contacts) => new()
    {
        Name = get("name"), Type = get("type"), Headcount = get("headcount"), TurnoverEur = get("turnover_eur"),
        NationalId = get("national_id"), Country = get("country"), Region = get("region"), Departement = get("departement"),
        NutsCode = get("nuts_code"), City = get("city"), SectorCodes = get("sector_codes"), FoundingMember = get("founding_member"),
        JoinedOn = get("joined_on"), Status = get("status"), StatusSince = get("status_since"), Contacts = contacts,
    };

    /// <summary>The export: the import's columns in CSV and xlsx (the first contact), every contact in JSON.</summary>
    public static readonly ExportTable<Member> Table = new("members",
    [
        new("name", m => m.Name), new("type", m => m.Type.ToString()),
        new("headcount", m => m.Headcount), new("turnover_eur", m => m.TurnoverEur),
        new("national_id", m => m.NationalId), new("country", m => m.Country), new("region", m => m.Region),
        new("departement", m => m.Departement), new("nuts_code", m => m.NutsCode), new("city", m => m.City),
        new("sector_codes", m => m.SectorCodes), new("founding_member", m => YesNo(m.IsFoundingMember)),
        new("joined_on", m => Date(m.JoinedOn)), new("status", m => m.Status.ToString()), new("status_since", m => Date(m.StatusSince)),
        new("contact_name", m => m.Contacts.FirstOrDefault()?.FullName), new("contact_role", m => m.Contacts.FirstOrDefault()?.Role),
        new("contact_email", m => m.Contacts.FirstOrDefault()?.Email), new("contact_phone", m => m.Contacts.FirstOrDefault()?.Phone),
        new("contact_consent", m => m.Contacts.FirstOrDefault() is { } c ? YesNo(c.ConsentToContact) : null),
    ], JsonItem);

    private static Dictionary<string, object?> JsonItem(Member m)
    {
        // Every value as text, as the JSON export always was, and every contact.
        var item = Table.Columns.Take(15).ToDictionary(c => c.Name, c => (object?)(c.Value(m) is IFormattable n ? n.ToString(null, CultureInfo.InvariantCulture) : c.Value(m)));
        item["contacts"] = m.Contacts.Select(c => new Dictionary<string, object?>
        {
            ["name"] = c.FullName, ["role"] = c.Role, ["email"] = c.Email, ["phone"] = c.Phone, ["consent"] = YesNo(c.ConsentToContact),
        }).ToList();
        return item;
    }

    /// <summary>The import template: the columns, one example member, and the values of every enumerated column.</summary>
    public static readonly ImportTemplate Template = new("members", Columns,
        ["Forges de Chalon", nameof(MemberType.Sme), "45", "6500000", "", "FR", "", "71", "", "Chalon-sur-Saône",
            "25.11 28.99", MemberValidation.Yes[0], "2015-03-01", nameof(MemberStatus.Active), "",
            "Ada Martin", "Directrice", "ada.martin@example.org", "03 85 00 00 00", MemberValidation.Yes[0]],
        [
            new("type", Enum.GetNames<MemberType>()),
            new("status", Enum.GetNames<MemberStatus>()),
            new("founding_member", [.. MemberValidation.Yes, .. MemberValidation.No]),
            new("contact_consent", [.. MemberValidation.Yes, .. MemberValidation.No]),
        ]);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
