using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.Api.Demo;

/// <summary>The thirty demo products of Val Nevé, with the winter's seasons: prices are a base price times the season's factor.</summary>
internal static class DemoProducts
{
    private static readonly (string Name, DateOnly From, DateOnly To, decimal Factor)[] Winter =
    [
        ("Ouverture", new(2026, 12, 12), new(2026, 12, 18), 0.80m),
        ("Noël et Nouvel An", new(2026, 12, 19), new(2027, 1, 2), 1.30m),
        ("Janvier", new(2027, 1, 3), new(2027, 2, 5), 0.85m),
        ("Vacances de février", new(2027, 2, 6), new(2027, 3, 6), 1.40m),
        ("Mars", new(2027, 3, 7), new(2027, 4, 2), 1.00m),
        ("Avril", new(2027, 4, 3), new(2027, 4, 25), 0.80m),
    ];

    public static IEnumerable<(Guid Id, Guid Organisation, ProductSpec Spec)> All()
    {
        var chalet = DemoOrganisations.ChaletMelezes;
        var esf = DemoOrganisations.EsfValNeve;
        var office = DemoOrganisations.ValNeveOffice;
        var n = 0;
        (Guid, Guid, ProductSpec) Next(Guid organisation, ProductSpec spec) => (new Guid($"0b5e7a10-0000-4000-8002-{++n:000000000000}"), organisation, spec);

        yield return Next(chalet, Stay("Chalet des Mélèzes — 10 personnes", "Grand chalet de bois, 5 chambres, sauna, ski aux pieds.", 45_000, 1, 10, 230, true));
        yield return Next(chalet, Stay("Chalet Le Petit Mélèze — 6 personnes", "Chalet douillet avec cheminée, à 300 m des pistes.", 28_000, 1, 6, 230, true));
        yield return Next(chalet, Stay("Appartement Cembro — 4 personnes", "Deux pièces avec balcon plein sud.", 14_000, 2, 4, 230, true));
        yield return Next(chalet, Stay("Studio Mélèze — 2 personnes", "Studio cabine pour deux, vendu en direct.", 7_500, 2, 2, 230, false));
        yield return Next(chalet, PerDay(ProductType.Rental, "Pack ski adulte (skis, chaussures, bâtons)", "Matériel révisé, livré au chalet.", 2_800, true));
        yield return Next(chalet, PerDay(ProductType.Rental, "Pack ski enfant", "Skis, chaussures et bâtons jusqu'à 12 ans.", 1_600, true));
        yield return Next(chalet, PerDay(ProductType.Rental, "Casque", "Casque adulte ou enfant.", 400, false));

        yield return Next(esf, Lesson("Cours collectif « Piou-Piou » (3 à 5 ans)", "Jardin des neiges, 2 h 30 le matin.", 3_800, LessonKind.Group, 10));
        yield return Next(esf, Lesson("Cours collectif enfant, Flocon à 3e étoile", "Par niveau, 2 h 30 le matin.", 4_200, LessonKind.Group, 12));
        yield return Next(esf, Lesson("Cours collectif adulte débutant", "Premières traces, 2 h 30 l'après-midi.", 4_500, LessonKind.Group, 10));
        yield return Next(esf, Lesson("Cours collectif adulte perfectionnement", "Du virage parallèle à la godille.", 4_500, LessonKind.Group, 10));
        yield return Next(esf, Lesson("Cours collectif snowboard ado", "De 12 à 17 ans, 2 h 30.", 4_400, LessonKind.Group, 10));
        yield return Next(esf, Lesson("Cours particulier de ski (1 à 4 personnes)", "Un moniteur pour vous, 2 h, prix par personne.", 5_500, LessonKind.Private, 6, 4));
        yield return Next(esf, Lesson("Cours particulier de snowboard (1 à 3 personnes)", "Un moniteur pour vous, 2 h, prix par personne.", 6_000, LessonKind.Private, 3, 3));
        yield return Next(esf, Lesson("Stage freeride encadré", "Hors-piste avec DVA, pelle et sonde fournis.", 8_500, LessonKind.Group, 6, marketplace: false));

        yield return Next(office, Stay("Résidence Les Balcons — T2 4 personnes", "Résidence avec piscine, au centre de la station.", 12_000, 8, 4, 165, true));
        yield return Next(office, Stay("Résidence Les Balcons — T3 6 personnes", "Trois pièces avec deux salles de bains.", 16_500, 6, 6, 165, true));
        yield return Next(office, Stay("Hôtel Le Névé — chambre double", "Hôtel trois étoiles, petit déjeuner compris.", 13_000, 10, 2, 253, true));
        yield return Next(office, Stay("Appartement Les Crêtes — 8 personnes", "Grand appartement au pied du télésiège des Crêtes.", 23_000, 3, 8, 165, true));
        yield return Next(office, Pass("Forfait Val Nevé — domaine complet", "Les 120 km de pistes.", 5_600, 4_500, 4_800));
        yield return Next(office, Pass("Forfait Val Nevé — secteur débutant", "Les tapis et téléskis du front de neige.", 2_500, 2_000, 2_200));
        yield return Next(office, Pass("Forfait piéton", "Télécabine et sentiers raquettes.", 1_200, 900, 1_000));
        yield return Next(office, PerDay(ProductType.Rental, "Location skis adulte « Val Nevé Sport »", "Skis et chaussures, gamme découverte.", 2_600, true));
        yield return Next(office, PerDay(ProductType.Rental, "Location snowboard", "Planche et boots.", 2_500, true));
        yield return Next(office, PerDay(ProductType.Rental, "Location skis enfant", "Skis et chaussures jusqu'à 12 ans.", 1_500, true));
        yield return Next(office, Activity("Sortie raquettes au coucher du soleil", "Avec un accompagnateur en montagne, 2 h.", 3_500, 12));
        yield return Next(office, Activity("Balade en chiens de traîneau", "Baptême de 30 minutes.", 9_500, 6));
        yield return Next(office, Activity("Parapente biplace", "Vol de 20 minutes au-dessus de la vallée.", 11_000, 4));
        yield return Next(office, Activity("Soirée fondue en chalet d'alpage", "Montée en dameuse, fondue et descente aux flambeaux.", 4_800, 30));
        yield return Next(office, Activity("Espace aquatique et spa", "Entrée de 2 h : bassins, sauna, hammam.", 2_200, 40));
    }

    private static IReadOnlyList<SeasonPrice> Seasons(long baseCents, long? child = null, long? senior = null) =>
        Winter.Select(s => new SeasonPrice(s.Name, s.From, s.To, Round(baseCents * s.Factor), child is { } c ? Round(c * s.Factor) : null, senior is { } o ? Round(o * s.Factor) : null)).ToList();

    /// <summary>Prices to the 10 cents, as a price list shows them.</summary>
    private static long Round(decimal cents) => (long)Math.Round(cents / 10m, MidpointRounding.AwayFromZero) * 10;

    private static ProductSpec Stay(string name, string description, long perNight, int stock, int people, long touristTax, bool marketplace) =>
        new(ProductType.Accommodation, name, description, marketplace, ProductRules.DefaultVatRate(ProductType.Accommodation), Seasons(perNight), stock, people, touristTax, null);

    private static ProductSpec Lesson(string name, string description, long perSession, LessonKind kind, int capacity, int? perLesson = null, bool marketplace = true) =>
        new(ProductType.SkiLesson, name, description, marketplace, ProductRules.DefaultVatRate(ProductType.SkiLesson), Seasons(perSession), capacity, perLesson, null, kind);

    private static ProductSpec Pass(string name, string description, long adult, long child, long senior) =>
        new(ProductType.LiftPass, name, description, true, ProductRules.DefaultVatRate(ProductType.LiftPass), Seasons(adult, child, senior), null, null, null, null);

    private static ProductSpec PerDay(ProductType type, string name, string description, long perDay, bool marketplace) =>
        new(type, name, description, marketplace, ProductRules.DefaultVatRate(type), Seasons(perDay), null, null, null, null);

    private static ProductSpec Activity(string name, string description, long perPerson, int places) =>
        new(ProductType.Activity, name, description, true, ProductRules.DefaultVatRate(ProductType.Activity), Seasons(perPerson), places, null, null, null);
}
