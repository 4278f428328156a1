using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.Dossier.ServiceTests;

public sealed class DossierFactory() : ServiceFactory<Program>(ResourceNames.DossierDb);
