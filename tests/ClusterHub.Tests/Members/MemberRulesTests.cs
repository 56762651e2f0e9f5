using ClusterHub.Members;

namespace ClusterHub.Tests.Members;

public class MemberRulesTests
{
    [Theory]
    [InlineData(null, null, SizeClass.Unknown)]
    [InlineData(9, null, SizeClass.Micro)]
    [InlineData(10, null, SizeClass.Small)]
    [InlineData(49, 10_000_000L, SizeClass.Small)]
    [InlineData(49, 10_000_001L, SizeClass.Medium)] // turnover above the small ceiling lifts the class
    [InlineData(249, null, SizeClass.Medium)]
    [InlineData(250, 1_000_000L, SizeClass.Large)]
    [InlineData(null, 50_000_001L, SizeClass.Large)]
    public void Size_class_follows_the_EU_SME_definition(int? headcount, long? turnover, SizeClass expected) =>
        Assert.Equal(expected, SizeClasses.Classify(headcount, turnover));

    [Theory]
    [InlineData("552081317", true)]        // EDF's SIREN
    [InlineData("55208131700019", false)]  // wrong SIRET check digit
    [InlineData("55208131766522", true)]   // an EDF SIRET
    [InlineData("123456789", false)]
    [InlineData("FR03552081317", true)]
    [InlineData("12AB", false)]
    public void National_identifiers_are_checked(string id, bool valid) => Assert.Equal(valid, MemberValidation.IsValidNationalId(id, "FR"));

    [Fact]
    public void Names_normalise_accents_case_and_punctuation() =>
        Assert.Equal("UNIVERSITE DE BOURGOGNE FRANCHE COMTE", Names.Normalize("  Université de Bourgogne–Franche-Comté. "));

    [Fact]
    public void Every_departement_belongs_to_one_known_region()
    {
        Assert.Equal(101, FrenchGeography.RegionOfDepartement.Count);
        Assert.All(FrenchGeography.RegionOfDepartement.Values, r => Assert.True(FrenchGeography.Regions.ContainsKey(r)));
        Assert.Equal("27", FrenchGeography.RegionOfDepartement["71"]);
        Assert.Equal("84", FrenchGeography.RegionOfDepartement["26"]);
    }

    [Fact]
    public void A_departement_in_another_region_is_an_error()
    {
        var m = new Member { Name = "" };
        var errors = MemberValidation.Apply(new MemberInput { Name = "X", Type = "sme", Departement = "69", Region = "27", JoinedOn = "2010-01-01" }, m, new DateOnly(2026, 1, 1));
        Assert.Equal("region", Assert.Single(errors).Field);
    }
}
