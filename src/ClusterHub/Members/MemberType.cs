namespace ClusterHub.Members;

public enum MemberType
{
    LargeCompany,
    MidSizeCompany,
    Sme,
    MicroStartup,
    University,
    EngineeringSchool,
    TechnicalInstitute,
    ResearchOrganisation,
    TrainingBody,
    PublicBody,
    IndustryAssociation,
    FunderInvestor,
}

/// <summary>The three families the dashboard and the source paper count members by.</summary>
public enum MemberFamily { Company, EducationResearch, Other }

public enum MemberStatus { Active, Lapsed, Left }

public static class MemberTypes
{
    public static MemberFamily Family(this MemberType type) => type switch
    {
        MemberType.LargeCompany or MemberType.MidSizeCompany or MemberType.Sme or MemberType.MicroStartup => MemberFamily.Company,
        MemberType.University or MemberType.EngineeringSchool or MemberType.TechnicalInstitute
            or MemberType.ResearchOrganisation or MemberType.TrainingBody => MemberFamily.EducationResearch,
        _ => MemberFamily.Other,
    };
}
