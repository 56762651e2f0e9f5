using System.Xml.Linq;

namespace ClusterHub.Tests.Web;

public class ResourcesTests
{
    internal static Dictionary<string, string> Load(string suffix)
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ClusterHub/Web"));
        return XDocument.Load(Path.Combine(root, $"Strings{suffix}.resx")).Root!.Elements("data")
            .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
    }

    [Fact]
    public void Every_string_exists_in_english_french_and_korean()
    {
        var en = Load("");
        foreach (var suffix in new[] { ".fr", ".ko" })
        {
            var other = Load(suffix);
            Assert.Equal(en.Keys.Order(), other.Keys.Order());
            Assert.All(other, kv => Assert.False(string.IsNullOrWhiteSpace(kv.Value), $"{suffix}: {kv.Key} is empty"));
        }
        Assert.NotEqual(en["Nav.Members"], Load(".ko")["Nav.Members"]);
    }

    [Fact]
    public void Every_key_used_by_a_page_is_defined()
    {
        var en = Load("");
        var src = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ClusterHub"));
        var used = Directory.EnumerateFiles(src, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b[Ll]\[""([A-Za-z.]+)""\]").Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, key => Assert.True(en.ContainsKey(key), $"missing resource {key}"));
    }

    /// <summary>
    /// An enum the pages or mails name by <c>{Enum}.{value}</c> (a key exists for one of its values) has a key for every
    /// value: a value appended later (a new role, a new state) would otherwise fail where it is first shown or mailed.
    /// </summary>
    [Fact]
    public void Every_value_of_a_named_enum_has_its_name()
    {
        var en = Load("");
        var enums = typeof(ClusterHub.Web.ClusterHubApp).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic).ToList();
        var named = enums.Where(t => Enum.GetNames(t).Any(v => en.ContainsKey($"{t.Name}.{v}"))).ToList();
        Assert.Contains(typeof(ClusterHub.Accounts.ClusterRole), named);
        var missing = named.SelectMany(t => Enum.GetNames(t).Select(v => $"{t.Name}.{v}")).Where(k => !en.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "missing resources: " + string.Join(", ", missing));
    }
}
