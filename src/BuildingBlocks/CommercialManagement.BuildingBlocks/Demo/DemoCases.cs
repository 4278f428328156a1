namespace CommercialManagement.BuildingBlocks.Demo;

/// <summary>How far the demo story takes a case: each service plays its own part of it, through its own domain.</summary>
public enum DemoStage
{
    Request,
    New,
    InProgress,
    AwaitingPayment,
    DepositPaid,
    PaidInFull,
    Processed,
    Archived,
}

/// <summary>A demo case: the request the Inbox seeds, and the column the story takes it to.</summary>
public sealed record DemoCase(
    Guid Id, Guid OrganisationId, DemoStage Stage, string Name, string Email, string? Phone, int ArrivalInDays, int Nights, int Adults, int[] Children,
    string Message, string Language, int HoursAgo, string? FollowUp = null, bool Read = false);

/// <summary>
/// The demo cases of Val Nevé, with fixed ids, so that a newcomer's first run shows requests and dossiers in every
/// column. The Inbox seeds the requests; Quote builds, sends and accepts the quotes of those that go further;
/// Payment records their payments; Dossier ticks « Traité » or archives. Development only.
/// </summary>
public static class DemoCases
{
    private static Guid Id(int n) => new($"0b5e7a10-0000-4000-8003-{n:D12}");

    public static readonly IReadOnlyList<DemoCase> All =
    [
        new(Id(1), DemoOrganisations.ValNeveOffice, DemoStage.New, "Camille Rousseau", "camille.rousseau@example.com", "+33 6 45 12 78 90", 45, 7, 2, [9, 6],
            "Bonjour, nous cherchons un appartement pour 4 au pied des pistes, avec forfaits et cours de ski pour les enfants. Merci !", "fr", 3),
        new(Id(2), DemoOrganisations.ValNeveOffice, DemoStage.Request, "James Whitaker", "james.whitaker@example.co.uk", "+44 7700 900123", 59, 7, 2, [],
            "Hello, could you suggest a hotel close to the lifts for a week in February? We are two adults.", "en", 26, "Also, is ski hire available in the village?"),
        new(Id(3), DemoOrganisations.ValNeveOffice, DemoStage.Request, "Nathalie Garnier", "nathalie.garnier@example.com", null, 75, 4, 3, [],
            "Un week-end prolongé pour trois amies : quelle formule avec spa ?", "fr", 50, Read: true),
        new(Id(4), DemoOrganisations.ValNeveOffice, DemoStage.InProgress, "Sophie Bernard", "sophie.bernard@example.com", "06 12 98 45 32", 52, 7, 2, [12],
            "Une semaine en famille, appartement et forfaits. Pouvez-vous nous faire un devis ?", "fr", 70, Read: true),
        new(Id(5), DemoOrganisations.ValNeveOffice, DemoStage.AwaitingPayment, "Marc Dubois", "marc.dubois@example.com", "06 55 41 20 87", 66, 7, 4, [],
            "Quatre amis, une semaine fin janvier : hébergement et forfaits 6 jours.", "fr", 96, Read: true),
        new(Id(6), DemoOrganisations.ValNeveOffice, DemoStage.DepositPaid, "Julie Petit", "julie.petit@example.com", "07 63 22 10 05", 80, 7, 2, [6, 3],
            "Appartement 6 personnes et cours de ski pour notre fille de 6 ans.", "fr", 140, Read: true),
        new(Id(7), DemoOrganisations.ValNeveOffice, DemoStage.PaidInFull, "Antoine Lefèvre", "antoine.lefevre@example.com", "06 08 77 31 64", 20, 5, 2, [],
            "Court séjour en amoureux, studio cosy et forfaits.", "fr", 200, Read: true),
        new(Id(8), DemoOrganisations.ValNeveOffice, DemoStage.Processed, "Claire Fontaine", "claire.fontaine@example.com", "06 71 03 58 92", 25, 7, 2, [10, 8],
            "Semaine des vacances de février, tout compris si possible.", "fr", 260, Read: true),
        new(Id(9), DemoOrganisations.ValNeveOffice, DemoStage.Archived, "Hugo Martin", "hugo.martin@example.com", null, 90, 3, 2, [],
            "Un week-end en mars, finalement nous irons ailleurs, merci.", "fr", 300, Read: true),
        new(Id(10), DemoOrganisations.EsfValNeve, DemoStage.New, "Thomas Lemoine", "thomas.lemoine@example.com", "06 22 33 44 55", 45, 6, 1, [7, 11],
            "Cours collectifs pour mes deux enfants (7 et 11 ans), niveau débutant et flocon.", "fr", 5),
        new(Id(11), DemoOrganisations.EsfValNeve, DemoStage.DepositPaid, "Léa Girard", "lea.girard@example.com", "06 44 90 12 36", 60, 6, 1, [5],
            "Cours particuliers pour mon fils de 5 ans, le matin si possible.", "fr", 120, Read: true),
        new(Id(12), DemoOrganisations.ChaletMelezes, DemoStage.AwaitingPayment, "Inès Moreau", "ines.moreau@example.com", "07 81 92 03 14", 52, 7, 6, [4, 8],
            "Le chalet est-il disponible pour 8 personnes à ces dates ? Nous avons un chien.", "fr", 9),
        new(Id(13), DemoOrganisations.ChaletMelezes, DemoStage.PaidInFull, "Paul Roux", "paul.roux@example.com", "06 30 52 74 18", 31, 7, 5, [],
            "Le chalet pour cinq amis, la deuxième semaine de janvier.", "fr", 180, Read: true),
    ];

    public static DemoCase? Find(Guid id) => All.FirstOrDefault(c => c.Id == id);
}
