namespace CommercialManagement.BuildingBlocks.Demo;

/// <summary>
/// The fictional resort Val Nevé, seeded in Development only. Every service seeds its own part of it with
/// these ids, so that a newcomer's first run shows the same organisations everywhere.
/// </summary>
public static class DemoOrganisations
{
    public static readonly Guid ValNeveOffice = new("0b5e7a10-0000-4000-8000-000000000001");
    public static readonly Guid EsfValNeve = new("0b5e7a10-0000-4000-8000-000000000002");
    public static readonly Guid ChaletMelezes = new("0b5e7a10-0000-4000-8000-000000000003");

    public const string ValNeveOfficeSiteKey = "valneve-office-demo";
    public const string EsfValNeveSiteKey = "esf-valneve-demo";
    public const string ChaletMelezesSiteKey = "chalet-melezes-demo";
}
