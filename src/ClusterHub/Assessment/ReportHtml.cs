using System.Globalization;
using System.Text;
using ClusterHub.Indicators;
using ClusterHub.Web;
using Microsoft.Extensions.Localization;

namespace ClusterHub.Assessment;

/// <summary>Sets the current culture for a block (a report rendered in the language asked for, not the request's).</summary>
public readonly struct CultureScope : IDisposable
{
    private readonly CultureInfo culture, uiCulture;

    public CultureScope(CultureInfo target)
    {
        (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = target;
    }

    public void Dispose() => (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
}

/// <summary>
/// The report, in the shape of the paper's Table 1 (component, factor, what was observed, evidence, score) followed by the
/// findings, as HTML in the current culture. One renderer serves the page (the fragment inside the layout), the API's
/// <c>format=html</c>, the PDF and the CLI, so they never disagree. Every text is encoded.
/// </summary>
public static class ReportHtml
{
    /// <summary>Encodes markup only (&amp; &lt; &gt; " '): letters stay letters, so the Korean and French text stays readable in the file.</summary>
    private static string E(string? s) => string.IsNullOrEmpty(s) ? "" : s.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    public static string Score(double? score) => score is { } s ? s.ToString("N0", CultureInfo.CurrentCulture) : "–";

    public static string Value(double? value, IndicatorUnit? unit) => unit == IndicatorUnit.Years && value is { } y
        ? y.ToString("0", CultureInfo.InvariantCulture) : Format.Measure(value, unit ?? IndicatorUnit.Ratio);

    /// <summary>The report's body (no page chrome).</summary>
    public static string Fragment(AssessmentReport r, IStringLocalizer l)
    {
        var culture = CultureInfo.CurrentUICulture;
        var h = new StringBuilder();
        string T(string key) => E(l[key].Value);
        string F(string key, params object?[] args) => E(string.Format(CultureInfo.CurrentCulture, l[key].Value, args));

        h.Append("<article class=\"assessment-report\" id=\"assessment-report\">");
        h.Append("<h1>").Append(F("Assessment.ReportTitle", r.ClusterName, r.Year)).Append("</h1>");
        h.Append("<p class=\"meta\" id=\"report-meta\">")
            .Append(E(r.InstrumentName.In(culture))).Append(' ').Append(F("Assessment.VersionN", r.InstrumentVersion)).Append(" · ")
            .Append(T("Assessment.Overall")).Append(": <strong id=\"overall-score\">").Append(Score(r.Result.Score)).Append("</strong>/100 · ")
            .Append(T("Assessment.Coverage")).Append(": <span id=\"coverage\">").Append(Format.Measure(r.Result.Coverage, IndicatorUnit.Share)).Append("</span>");
        if (r.Result.Level is { } level) h.Append(" · ").Append(T("Assessment.Level")).Append(": <strong id=\"level\">").Append(E(level.Name.In(culture))).Append("</strong>");
        h.Append(" · <span id=\"record-state\">").Append(r.State is { } st
            ? F($"Assessment.State.{st}", r.SavedBy, r.SavedAt is { } at ? Format.DateTime(at) : "")
            : T("Assessment.State.Live")).Append("</span></p>");

        h.Append("<section id=\"lifecycle\"><h2>").Append(T("Assessment.LifeCycle")).Append("</h2><p class=\"stage\" data-stage=\"").Append(r.LifeCycle.Stage)
            .Append("\"><strong>").Append(T($"LifeCycleStage.{r.LifeCycle.Stage}")).Append("</strong></p><ul class=\"checks\">");
        foreach (var c in r.LifeCycle.Checks)
            h.Append("<li class=\"").Append(c.Holds switch { true => "holds", false => "fails", null => "missing" }).Append("\">")
                .Append(T($"LifeCycleStage.{c.Stage}")).Append(": ")
                .Append(F($"Assessment.Check.{c.Key}", c.Threshold.ToString("N0", CultureInfo.CurrentCulture)))
                .Append(" — ").Append(c.Value is { } v ? E(v.ToString("N0", CultureInfo.CurrentCulture)) : T("Assessment.Missing"))
                .Append(c.Required ? "" : " (" + T("Assessment.WhenKnown") + ")").Append("</li>");
        h.Append("</ul></section>");

        h.Append("<section id=\"table1\"><h2>").Append(T("Assessment.Table")).Append("</h2><table class=\"table1\"><thead><tr><th>")
            .Append(T("Assessment.Component")).Append("</th><th>").Append(T("Assessment.Factor")).Append("</th><th>").Append(T("Assessment.Observed"))
            .Append("</th><th>").Append(T("Assessment.Evidence")).Append("</th><th class=\"num\">").Append(T("Assessment.Score")).Append("</th></tr></thead><tbody>");
        foreach (var d in r.Result.Dimensions)
        {
            var first = true;
            foreach (var f in d.Factors)
            {
                h.Append("<tr data-factor=\"").Append(E(d.Spec.Key + "." + f.Spec.Key)).Append("\">");
                if (first)
                    h.Append("<th scope=\"rowgroup\" rowspan=\"").Append(d.Factors.Count).Append("\">").Append(E(d.Spec.Name.In(culture)))
                        .Append("<br><small>").Append(Score(d.Score)).Append("/100 · ").Append(Format.Measure(d.Coverage, IndicatorUnit.Share)).Append("</small></th>");
                first = false;
                h.Append("<td>").Append(E(f.Spec.Name.In(culture))).Append("</td><td><ul>");
                foreach (var i in f.Indicators)
                    h.Append("<li data-indicator=\"").Append(E(i.Spec.Key)).Append("\">").Append(E(i.Spec.Name.In(culture))).Append(": <strong>")
                        .Append(i.Evidence.Present ? E(Value(i.Evidence.Value, i.Evidence.Unit)) : "<span class=\"missing\">" + T("Assessment.Missing") + "</span>")
                        .Append("</strong>").Append(i.Score is { } s ? " → " + Score(s) : "").Append("</li>");
                h.Append("</ul></td><td><ul class=\"evidence\">");
                foreach (var i in f.Indicators) h.Append("<li>").Append(Evidence(i.Evidence, l)).Append("</li>");
                h.Append("</ul></td><td class=\"num\"><strong>").Append(f.Score is null ? T("Assessment.Missing") : Score(f.Score)).Append("</strong><br><small>")
                    .Append(T("Assessment.Coverage")).Append(' ').Append(Format.Measure(f.Coverage, IndicatorUnit.Share)).Append("</small></td></tr>");
            }
        }
        h.Append("</tbody></table></section>");

        h.Append("<section id=\"findings\"><h2>").Append(T("Assessment.Findings")).Append("</h2><ol>");
        foreach (var finding in r.Findings)
        {
            h.Append("<li class=\"finding finding-").Append(finding.State.ToString().ToLowerInvariant()).Append("\" data-finding=\"").Append(finding.Key)
                .Append("\" data-state=\"").Append(finding.State).Append("\"><strong>").Append(T($"Assessment.Finding.{finding.Key}.Title")).Append("</strong> — ");
            if (finding.State == FindingState.Stated)
                h.Append("<span class=\"statement\">").Append(F($"Assessment.Finding.{finding.Key}", [.. finding.Evidence.Take(finding.Arguments).Select(Piece)])).Append("</span>");
            else
                h.Append("<em>").Append(T($"FindingState.{finding.State}")).Append("</em>");
            h.Append("<ul class=\"finding-evidence\">");
            foreach (var e in finding.Evidence)
                h.Append("<li>").Append(T(e.LabelKey)).Append(": ").Append(e.Present ? E(Piece(e)) : "<span class=\"missing\">" + T("Assessment.Missing") + "</span>").Append("</li>");
            h.Append("</ul></li>");
        }
        h.Append("</ol></section></article>");
        return h.ToString();
    }

    private static string Piece(FindingEvidence e) => e.Text ?? Value(e.Value, e.Unit);

    /// <summary>How an indicator's evidence was obtained: the registry's definition and inputs, a judgement's text and author, a survey's mean and n.</summary>
    private static string Evidence(Evidence e, IStringLocalizer l)
    {
        string T(string key) => E(l[key].Value);
        var h = new StringBuilder("<span class=\"source\">").Append(T($"EvidenceSource.{e.Source}")).Append("</span> ");
        if (!e.Present)
        {
            h.Append("<span class=\"missing\">").Append(T($"MissingReason.{e.Missing}"));
            if (e.Respondents is { } n) h.Append(" (n = ").Append(n).Append(')');
            return h.Append("</span>").ToString();
        }
        switch (e.Source)
        {
            case EvidenceSource.Registry:
                h.Append("<span class=\"how\">").Append(T($"Indicator.{e.SourceKey}")).Append(": ").Append(e.DefinitionKey is null ? "" : T(e.DefinitionKey));
                if (e.Inputs.Count > 0)
                    h.Append(" (").Append(string.Join("; ", e.Inputs.Select(i => T($"Indicator.Input.{i.Key}") + " " + E(i.Value.ToString("N0", CultureInfo.CurrentCulture))))).Append(')');
                h.Append("</span>");
                break;
            case EvidenceSource.Judgement:
                h.Append("<q>").Append(E(e.Text)).Append("</q> — ").Append(E(e.Author)).Append(" (").Append(Value(e.Value, IndicatorUnit.Ratio)).Append("/5)");
                break;
            case EvidenceSource.Survey:
                h.Append(E(string.Format(CultureInfo.CurrentCulture, l["Assessment.SurveyStat"].Value, Value(e.Value, IndicatorUnit.Ratio), e.Respondents,
                    e.StdDev is { } sd ? sd.ToString("N2", CultureInfo.CurrentCulture) : "–")));
                break;
        }
        return h.ToString();
    }

    /// <summary>A whole document for the API, the CLI and the PDF: the fragment with its own styles and CJK fonts first for Korean.</summary>
    public static string Document(AssessmentReport r, IStringLocalizer l)
    {
        var lang = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        return $$"""
            <!DOCTYPE html>
            <html lang="{{lang}}"><head><meta charset="utf-8"><title>{{E(string.Format(CultureInfo.CurrentCulture, l["Assessment.ReportTitle"].Value, r.ClusterName, r.Year))}}</title>
            <style>{{Styles}}</style></head><body>{{Fragment(r, l)}}</body></html>
            """;
    }

    public const string Styles = """
        body{font-family:"Noto Sans CJK KR","Noto Sans KR","Noto Sans",system-ui,sans-serif;font-size:10pt;margin:1.5em;color:#111}
        h1{font-size:16pt}h2{font-size:13pt;margin-top:1.2em}
        table.table1{border-collapse:collapse;width:100%}table.table1 th,table.table1 td{border:1px solid #999;padding:4px;vertical-align:top;text-align:left}
        table.table1 td.num{text-align:right;white-space:nowrap}table.table1 ul{margin:0;padding-left:1.1em}
        .missing{color:#a33;font-style:italic}.source{font-weight:600}.finding-notsupported,.finding-evidencemissing{color:#555}
        .checks .holds::marker{content:"✓ "}.checks .fails::marker{content:"✗ "}.checks .missing::marker{content:"? "}
        """;
}
