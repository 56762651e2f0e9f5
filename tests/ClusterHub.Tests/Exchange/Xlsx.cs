using System.IO.Compression;
using System.Xml.Linq;

namespace ClusterHub.Tests.Exchange;

/// <summary>Reads an xlsx back as a zip of XML, with no spreadsheet library: the rows of its first sheet as text, by column letter.</summary>
public static class Xlsx
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    public static List<Dictionary<string, string>> Rows(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Descendants(Main + "si").Select(si => string.Concat(si.Descendants(Main + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        return sheet.Descendants(Main + "row").Select(row =>
        {
            var cells = new Dictionary<string, string>();
            var column = 0;
            foreach (var c in row.Elements(Main + "c"))
            {
                // A cell without a reference follows the one before it.
                var reference = (string?)c.Attribute("r");
                column = reference is null ? column + 1 : reference.TakeWhile(char.IsLetter).Aggregate(0, (n, ch) => n * 26 + ch - 'A' + 1);
                var text = (string?)c.Attribute("t") switch
                {
                    "s" => shared[int.Parse(c.Element(Main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(Main + "t").Select(t => t.Value)),
                    _ => c.Element(Main + "v")?.Value ?? "",
                };
                cells[Letter(column)] = text;
            }
            return cells;
        }).ToList();
    }

    private static string Letter(int column) => column <= 26 ? ((char)('A' + column - 1)).ToString() : Letter((column - 1) / 26) + (char)('A' + (column - 1) % 26);
}
