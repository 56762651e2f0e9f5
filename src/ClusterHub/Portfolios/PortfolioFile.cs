using System.Globalization;
using System.Text.Json;
using ClusterHub.Assessment;
using ClusterHub.Data;
using ClusterHub.Exchange;
using ClusterHub.Members;
using ClusterHub.Web;
using Microsoft.EntityFrameworkCore;

namespace ClusterHub.Portfolios;

/// <summary>
/// The exchange formats of a portfolio. Import (clusters off the platform, through <see cref="ImportTable"/>: CSV or xlsx,
/// one transaction, located errors): <c>name, region, sector, year, size, illustrative</c> and one column per dimension
/// (<c>setting</c>) and per factor (<c>process.momentum</c>) of the instrument chosen for the file, each a score 0–100 or
/// empty (missing, never 0). A row needs a name, a year and at least one score. An imported cluster is matched by its name
/// (any case); a row replaces its figures for that year and instrument. Export: the ranking as rows.
/// </summary>
public static class PortfolioFile
{
    public static readonly string[] FixedColumns = ["name", "region", "sector", "year", "size", "illustrative"];
    public static readonly string[] Required = ["name", "year"];

    /// <summary>The score columns of an instrument: its dimensions, then each dimension's factors as <c>dimension.factor</c>.</summary>
    public static string[] ScoreColumns(InstrumentSpec spec) =>
        [.. spec.Dimensions.Select(d => d.Key), .. spec.Dimensions.SelectMany(d => d.Factors.Select(f => $"{d.Key}.{f.Key}"))];

    public static string[] Columns(InstrumentSpec spec) => [.. FixedColumns, .. ScoreColumns(spec)];

    /// <summary>The blank to fill in for an instrument: every valid column, an example row and the notes.</summary>
    public static ImportTemplate Template(InstrumentSpec spec)
    {
        var scores = ScoreColumns(spec);
        var dimensions = spec.Dimensions.Count;
        return new($"portfolio-{spec.Key}", Columns(spec),
            ["Example pole", "Bourgogne-Franche-Comté", "Nuclear energy", "2019", "350", "no", .. scores.Select((_, i) => i < dimensions ? (i == 0 ? "62.5" : null) : null)],
            [
                KeyValuePair.Create("illustrative", (IReadOnlyList<string>)[.. MemberValidation.Yes, .. MemberValidation.No]),
                KeyValuePair.Create("scores", (IReadOnlyList<string>)["0 to 100, empty when missing (never 0 for unknown)", "a dimension's own score, or its factors' scores (dimension.factor) from which it is the weighted mean"]),
            ]);
    }

    public static Task<ImportReport> ImportAsync(ClusterDb db, int portfolioId, AssessmentInstrument instrument, Stream bytes, string fileName, FileFormat format,
        string actor, DateTime now, CancellationToken ct)
    {
        var spec = InstrumentMapping.ToSpec(instrument);
        return ImportTable.ImportAsync(db, bytes, fileName, format, Columns(spec), Required, "portfolio clusters",
            (file, rows, errors) => ApplyAsync(db, portfolioId, instrument, spec, file, rows, errors, actor.Length > PortfolioLimits.Actor ? actor[..PortfolioLimits.Actor] : actor, now, ct), ct);
    }

    private static async Task<(int Created, int Updated)> ApplyAsync(ClusterDb db, int portfolioId, AssessmentInstrument instrument, InstrumentSpec spec,
        string file, ImportTableRows rows, LocatedErrors errors, string actor, DateTime now, CancellationToken ct)
    {
        var entries = await db.Set<PortfolioEntry>().Include(e => e.Years).Where(e => e.PortfolioId == portfolioId).ToListAsync(ct);
        var byName = entries.ToDictionary(e => e.Name.ToLowerInvariant());
        var seen = new HashSet<(string, int)>();
        var scoreColumns = ScoreColumns(spec);
        int created = 0, updated = 0;
        foreach (var (row, cells) in rows)
        {
            var before = errors.Total;
            string? Text(string column, int max)
            {
                var text = InputText.Blank(cells[column]);
                if (text is not null && InputText.Check(text, max) is { } reason) { errors.Add(new(file, row, column, InputText.Echo(text), reason)); return null; }
                return text;
            }
            var name = Text("name", PortfolioLimits.Name);
            if (InputText.Blank(cells["name"]) is null) errors.Add(new(file, row, "name", null, "is required"));
            var region = Text("region", PortfolioLimits.Region);
            var sector = Text("sector", PortfolioLimits.Sector);
            int year = 0;
            var yearText = InputText.Blank(cells["year"]);
            if (yearText is null) errors.Add(new(file, row, "year", null, "is required"));
            else if (!int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out year) || Years.Validate(year) is not null)
                errors.Add(new(file, row, "year", InputText.Echo(yearText), "must be a year between 1950 and 2100"));
            int? size = null;
            if (InputText.Blank(cells["size"]) is { } sizeText)
            {
                if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s <= PortfolioLimits.MaxSize) size = s;
                else errors.Add(new(file, row, "size", InputText.Echo(sizeText), $"must be a whole number of members from 0 to {PortfolioLimits.MaxSize:N0}"));
            }
            var illustrative = false;
            if (InputText.Blank(cells["illustrative"]) is { } flag)
            {
                if (MemberValidation.Yes.Contains(flag, StringComparer.OrdinalIgnoreCase)) illustrative = true;
                else if (!MemberValidation.No.Contains(flag, StringComparer.OrdinalIgnoreCase))
                    errors.Add(new(file, row, "illustrative", InputText.Echo(flag), $"must be one of {string.Join(", ", [.. MemberValidation.Yes, .. MemberValidation.No])}"));
            }
            var scores = new SortedDictionary<string, double>(StringComparer.Ordinal);
            foreach (var column in scoreColumns)
            {
                if (InputText.Blank(cells[column]) is not { } text) continue;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v is >= 0 and <= 100) scores[column] = v;
                else errors.Add(new(file, row, column, InputText.Echo(text), "must be a score from 0 to 100 (a dot for decimals), or empty when missing"));
            }
            if (scores.Count == 0 && errors.Total == before)
                errors.Add(new(file, row, "", null, $"has no score: give at least one of {string.Join(", ", spec.Dimensions.Select(d => d.Key))} or their factors"));
            if (name is not null && year != 0 && !seen.Add((name.ToLowerInvariant(), year)))
                errors.Add(new(file, row, "name", InputText.Echo(name), $"appears twice for {year} in the file"));
            if (errors.Total > before) continue;

            if (!byName.TryGetValue(name!.ToLowerInvariant(), out var entry))
            {
                entry = new PortfolioEntry { PortfolioId = portfolioId, Name = name };
                db.Add(entry);
                byName[name.ToLowerInvariant()] = entry;
            }
            var changed = entry.Id == 0;
            if (region is not null && region != entry.Region) { entry.Region = region; changed = true; }
            if (sector is not null && sector != entry.Sector) { entry.Sector = sector; changed = true; }
            var json = JsonSerializer.Serialize(scores, PortfolioData.Json);
            var figures = entry.Years.FirstOrDefault(y => y.Year == year && y.InstrumentKey == instrument.Key);
            var isNew = figures is null;
            if (figures is null) entry.Years.Add(figures = new PortfolioEntryYear { Year = year, InstrumentKey = instrument.Key });
            if (isNew || figures.Size != size || figures.Scores != json || figures.Illustrative != illustrative || figures.InstrumentVersion != instrument.Version)
            {
                (figures.Size, figures.Scores, figures.Illustrative, figures.InstrumentVersion, figures.ImportedAt, figures.ImportedBy) =
                    (size, json, illustrative, instrument.Version, now, actor);
                changed = true;
            }
            if (isNew) created++;
            else if (changed) updated++;
        }
        db.ChangeReason = $"portfolio import of {file}";
        return (created, updated);
    }

    /// <summary>The ranking as an export: one row per cluster, a column per dimension (empty when missing).</summary>
    public static ExportTable<PortfolioRow> Table(PortfolioView view) => new("portfolio",
    [
        new("rank", r => r.Rank),
        new("name", r => r.Name),
        new("source", r => r.Source == RowSource.Platform ? "platform" : "imported"),
        new("illustrative", r => r.Illustrative ? "yes" : "no"),
        new("region", r => r.Region),
        new("sector", r => r.Sector),
        new("year", r => r.Year),
        new("instrument", r => r.InstrumentKey),
        new("instrument_version", r => r.InstrumentVersion),
        new("size", r => r.Size),
        new("score", r => r.Score is { } s ? Math.Round(s, 2) : null),
        new("coverage", r => Math.Round(r.Coverage, 4)),
        .. view.Dimensions.Select(d => new ExportColumn<PortfolioRow>(d.Key, r => r.Dimensions.GetValueOrDefault(d.Key) is { } s ? Math.Round(s, 2) : null)),
    ]);
}
