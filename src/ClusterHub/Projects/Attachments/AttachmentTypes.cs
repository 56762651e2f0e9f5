using System.IO.Compression;
using System.Text;

namespace ClusterHub.Projects.Attachments;

/// <summary>A file type an attachment may have, as its bytes show it: the type it is served with and the extensions it goes by.</summary>
public sealed record AttachmentType(string ContentType, params string[] Extensions)
{
    public string Extension => Extensions[0];
}

/// <summary>
/// What a file is, read from its bytes and never from its name or the type the browser declared: PDF, PNG, JPEG, the Office Open XML
/// containers (docx, xlsx, pptx) and OpenDocument files (zip archives recognised by their parts), and plain text (UTF-8 without
/// control characters, CSV included). Anything else (an executable renamed .pdf, a plain zip, an HTML page) is refused.
/// </summary>
public static class AttachmentTypes
{
    public static readonly AttachmentType Pdf = new("application/pdf", ".pdf");
    public static readonly AttachmentType Png = new("image/png", ".png");
    public static readonly AttachmentType Jpeg = new("image/jpeg", ".jpg", ".jpeg");
    public static readonly AttachmentType Docx = new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
    public static readonly AttachmentType Xlsx = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
    public static readonly AttachmentType Pptx = new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
    public static readonly AttachmentType Text = new("text/plain; charset=utf-8", ".txt", ".csv", ".md");

    private static readonly Dictionary<string, AttachmentType> OpenDocument = new(StringComparer.Ordinal)
    {
        ["application/vnd.oasis.opendocument.text"] = new("application/vnd.oasis.opendocument.text", ".odt"),
        ["application/vnd.oasis.opendocument.spreadsheet"] = new("application/vnd.oasis.opendocument.spreadsheet", ".ods"),
        ["application/vnd.oasis.opendocument.presentation"] = new("application/vnd.oasis.opendocument.presentation", ".odp"),
        ["application/vnd.oasis.opendocument.graphics"] = new("application/vnd.oasis.opendocument.graphics", ".odg"),
    };

    /// <summary>The kinds accepted, in words, for the refusal's message and the page.</summary>
    public const string Accepted = "PDF, PNG, JPEG, Word/Excel/PowerPoint (docx, xlsx, pptx), OpenDocument (odt, ods, odp, odg), plain text or CSV";

    /// <summary>The file's type by its content, or null when it is none of the accepted ones.</summary>
    public static AttachmentType? Detect(byte[] bytes)
    {
        ReadOnlySpan<byte> b = bytes;
        if (b.StartsWith("%PDF-"u8)) return Pdf;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (b.StartsWith("PK\u0003\u0004"u8)) return Container(bytes);
        return IsText(b) ? Text : null;
    }

    /// <summary>A zip archive is accepted only as an OpenDocument file (its <c>mimetype</c> part) or an Office Open XML one (its main part).</summary>
    private static AttachmentType? Container(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            if (zip.GetEntry("mimetype") is { Length: < 200 } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                return OpenDocument.GetValueOrDefault(reader.ReadToEnd().Trim());
            }
            if (zip.GetEntry("[Content_Types].xml") is null) return null;
            if (zip.GetEntry("word/document.xml") is not null) return Docx;
            if (zip.GetEntry("xl/workbook.xml") is not null) return Xlsx;
            if (zip.GetEntry("ppt/presentation.xml") is not null) return Pptx;
            return null;
        }
        catch (InvalidDataException) { return null; }
    }

    /// <summary>UTF-8 (a BOM allowed) with no control character but tab, line feed, form feed and carriage return.</summary>
    private static bool IsText(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) b = b[3..];
        foreach (var c in b)
            if (c < 0x20 && c is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' and not 0x0C || c == 0x7F) return false;
        try { _ = new UTF8Encoding(false, true).GetCharCount(b); return true; }
        catch (DecoderFallbackException) { return false; }
    }

    /// <summary>
    /// The name a file is stored and offered under: no folder, no control or reserved character (<c>/\:*?"&lt;&gt;|</c> and the like
    /// become '_'), no leading dot, at most <paramref name="max"/> characters, and an extension of its detected type (added when the
    /// name's own is another: <c>report.exe</c> that is a PDF becomes <c>report.exe.pdf</c>).
    /// </summary>
    public static string SafeName(string? name, AttachmentType type, int max = 150)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var sb = new StringBuilder(last.Length);
        foreach (var c in last.Normalize(NormalizationForm.FormC))
            sb.Append(char.IsLetterOrDigit(c) || c is ' ' or '.' or '-' or '_' or '(' or ')' or '[' or ']' or '+' or ',' ? c : '_');
        var safe = string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim('.', ' ', '_');
        var extension = Path.GetExtension(safe).ToLowerInvariant();
        if (!type.Extensions.Contains(extension)) { safe = safe.Length == 0 ? "attachment" : safe; extension = type.Extension; safe += extension; }
        if (safe.Length - extension.Length == 0) safe = "attachment" + extension;
        if (safe.Length > max) safe = safe[..(max - extension.Length)].TrimEnd('.', ' ') + extension;
        return safe;
    }
}
