using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace ClusterHub.Members;

public enum FileFormat { Csv, Json }

/// <summary>One problem in an import file, located precisely enough to fix it in a spreadsheet.</summary>
public sealed record ImportError(string File, int Row, string Column, string? Value, string Reason)
{
    public override string ToString() => $"{File}: row {Row}, column {Column}{(Value is null ? "" : $" ('{Value}')")}: {Reason}";
}

/// <summary>A record read from a file with the row it came from (CSV: line number, header = 1; JSON: 1-based position in the array).</summary>
public sealed record MemberFileRow(int Row, MemberInput Input);

/// <summary>
/// The member exchange format, in CSV and JSON with the same field names, so that an export
/// imports back unchanged. CSV holds one contact per row; JSON holds them all.
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

    /// <summary>"json" (any case) or else CSV, as the export's <c>?format=</c> is read everywhere.</summary>
    public static FileFormat Parse(string? format) => string.Equals(format, "json", StringComparison.OrdinalIgnoreCase) ? FileFormat.Json : FileFormat.Csv;

    public static string ContentType(FileFormat format) => format == FileFormat.Json ? "application/json; charset=utf-8" : "text/csv; charset=utf-8";

    public static string DownloadName(string clusterSlug, FileFormat format) => $"{clusterSlug}-members.{format.ToString().ToLowerInvariant()}";

    public static FileFormat FormatOf(string fileName, FileFormat? declared = null) =>
        declared ?? (fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FileFormat.Json : FileFormat.Csv);

    public static (List<MemberFileRow> Rows, List<ImportError> Errors) Read(TextReader reader, string fileName, FileFormat format) =>
        format == FileFormat.Json ? ReadJson(reader, fileName) : ReadCsv(reader, fileName);

    private static (List<MemberFileRow>, List<ImportError>) ReadCsv(TextReader reader, string file)
    {
        var rows = new List<MemberFileRow>();
        var errors = new List<ImportError>();
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(),
            DetectDelimiter = true, // French spreadsheets save with ';'
            BadDataFound = null,
        };
        using var csv = new CsvReader(reader, config);
        try
        {
            if (!csv.Read()) { errors.Add(new(file, 1, "", null, "the file is empty")); return (rows, errors); }
            csv.ReadHeader();
            var header = csv.HeaderRecord!.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            foreach (var unknown in header.Where(h => !Columns.Contains(h)))
                errors.Add(new(file, 1, unknown, null, $"is not a known column (known: {string.Join(", ", Columns)})"));
            foreach (var missing in RequiredColumns.Where(c => !header.Contains(c)))
                errors.Add(new(file, 1, missing, null, "required column is missing"));
            if (errors.Count > 0) return (rows, errors);

            string? Get(string column) => header.Contains(column) ? csv.GetField(column) : null;
            while (csv.Read())
            {
                var contactName = Get("contact_name");
                var contacts = string.IsNullOrWhiteSpace(contactName) && string.IsNullOrWhiteSpace(Get("contact_email"))
                    ? []
                    : new[] { new ContactInput(contactName, Get("contact_role"), Get("contact_email"), Get("contact_phone"), Get("contact_consent")) };
                rows.Add(new(csv.Parser.Row, Input(Get, contacts)));
            }
        }
        catch (CsvHelperException e)
        {
            errors.Add(new(file, e.Context?.Parser?.Row ?? 0, "", null, "the CSV cannot be read: " + e.Message.Split('\n')[0]));
        }
        return (rows, errors);
    }

    private static (List<MemberFileRow>, List<ImportError>) ReadJson(TextReader reader, string file)
    {
        var rows = new List<MemberFileRow>();
        var errors = new List<ImportError>();
        JsonDocument doc;
        try { doc = JsonDocument.Parse(reader.ReadToEnd()); }
        catch (JsonException e)
        {
            errors.Add(new(file, (int)(e.LineNumber ?? 0) + 1, "", null, $"the JSON cannot be read at position {e.BytePositionInLine}: {e.Message.Split('.')[0]}"));
            return (rows, errors);
        }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array) { errors.Add(new(file, 0, "", null, "the JSON must be an array of members")); return (rows, errors); }
            var index = 0;
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                index++;
                if (e.ValueKind != JsonValueKind.Object) { errors.Add(new(file, index, "", null, "is not an object")); continue; }
                foreach (var p in e.EnumerateObject().Where(p => p.Name != "contacts" && !Columns.Contains(p.Name)))
                    errors.Add(new(file, index, p.Name, null, "is not a known field"));
                string? Get(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v.ValueKind switch
                {
                    JsonValueKind.String => v.GetString(),
                    JsonValueKind.Null or JsonValueKind.Undefined => null,
                    _ => v.GetRawText(),
                } : null;
                var contacts = e.TryGetProperty("contacts", out var cs) && cs.ValueKind == JsonValueKind.Array
                    ? cs.EnumerateArray().Select(c => new ContactInput(Get(c, "name"), Get(c, "role"), Get(c, "email"), Get(c, "phone"), Get(c, "consent"))).ToList()
                    : [];
                rows.Add(new(index, Input(name => Get(e, name), contacts)));
            }
        }
        return (rows, errors);
    }

    /// <summary>The one mapping from the exchange format's field names to a <see cref="MemberInput"/>.</summary>
    private static MemberInput Input(Func<string, string?> get, IReadOnlyList<ContactInput> contacts) => new()
    {
        Name = get("name"), Type = get("type"), Headcount = get("headcount"), TurnoverEur = get("turnover_eur"),
        NationalId = get("national_id"), Country = get("country"), Region = get("region"), Departement = get("departement"),
        NutsCode = get("nuts_code"), City = get("city"), SectorCodes = get("sector_codes"), FoundingMember = get("founding_member"),
        JoinedOn = get("joined_on"), Status = get("status"), StatusSince = get("status_since"), Contacts = contacts,
    };

    public static async Task WriteAsync(IAsyncEnumerable<Member> members, TextWriter writer, FileFormat format, CancellationToken ct)
    {
        if (format == FileFormat.Json)
        {
            var list = new List<Dictionary<string, object?>>();
            await foreach (var m in members.WithCancellation(ct))
            {
                var d = Fields(m).ToDictionary(p => p.Key, p => (object?)p.Value);
                d["contacts"] = m.Contacts.Select(c => new Dictionary<string, object?>
                {
                    ["name"] = c.FullName, ["role"] = c.Role, ["email"] = c.Email, ["phone"] = c.Phone, ["consent"] = c.ConsentToContact ? "yes" : "no",
                }).ToList();
                list.Add(d);
            }
            await writer.WriteAsync(JsonSerializer.Serialize(list, JsonOptions));
            return;
        }
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture, leaveOpen: true);
        foreach (var c in Columns) csv.WriteField(c);
        await csv.NextRecordAsync();
        await foreach (var m in members.WithCancellation(ct))
        {
            foreach (var (_, value) in Fields(m)) csv.WriteField(value);
            var contact = m.Contacts.FirstOrDefault();
            csv.WriteField(contact?.FullName); csv.WriteField(contact?.Role); csv.WriteField(contact?.Email);
            csv.WriteField(contact?.Phone); csv.WriteField(contact is null ? null : contact.ConsentToContact ? "yes" : "no");
            await csv.NextRecordAsync();
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static IEnumerable<KeyValuePair<string, string?>> Fields(Member m)
    {
        string? D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        yield return new("name", m.Name);
        yield return new("type", m.Type.ToString());
        yield return new("headcount", m.Headcount?.ToString(CultureInfo.InvariantCulture));
        yield return new("turnover_eur", m.TurnoverEur?.ToString(CultureInfo.InvariantCulture));
        yield return new("national_id", m.NationalId);
        yield return new("country", m.Country);
        yield return new("region", m.Region);
        yield return new("departement", m.Departement);
        yield return new("nuts_code", m.NutsCode);
        yield return new("city", m.City);
        yield return new("sector_codes", m.SectorCodes);
        yield return new("founding_member", m.IsFoundingMember ? "yes" : "no");
        yield return new("joined_on", D(m.JoinedOn));
        yield return new("status", m.Status.ToString());
        yield return new("status_since", D(m.StatusSince));
    }
}
