using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Gateway.Identity;

internal enum OrganisationKind
{
    BookingOffice = 0,
    AccommodationProvider = 1,
    SkiSchool = 2,
}

internal enum FinalInvoiceWhen
{
    /// <summary>When the dossier is paid in full.</summary>
    Paid = 0,

    /// <summary>When staff mark it « Commande traitée ».</summary>
    Processed = 1,
}

/// <summary>A seller of the destination: its legal details (printed on documents) and the settings services use.</summary>
internal sealed class Organisation
{
    private Organisation()
    {
    }

    public Organisation(Guid id, string name, OrganisationKind kind)
    {
        Id = id;
        Name = name;
        Kind = kind;
    }

    public Guid Id { get; private set; }

    public string Name { get; set; } = "";

    public OrganisationKind Kind { get; set; }

    public string Address { get; set; } = "";

    public string? Siret { get; set; }

    public string? VatNumber { get; set; }

    /// <summary>Immatriculation Atout France, for those selling packages.</summary>
    public string? TravelOperatorRegistration { get; set; }

    public string ContactEmail { get; set; } = "";

    public string? ContactPhone { get; set; }

    public int DepositPercentage { get; set; } = 30;

    public int BalanceDueDaysBeforeArrival { get; set; } = 30;

    public int QuoteValidityDays { get; set; } = 7;

    public string QuoteNumberPrefix { get; set; } = "DEV";

    public string TermsOfSale { get; set; } = "";

    public string EmailSenderName { get; set; } = "";

    public string? EmailReplyTo { get; set; }

    /// <summary>Whether staff also get their alerts by email (the bell rings either way).</summary>
    public bool AlertsByEmail { get; set; } = true;

    /// <summary>« SAS au capital de 50 000 € »: printed on invoices.</summary>
    public string? LegalForm { get; set; }

    /// <summary>« RCS Chambéry »: printed with the SIREN on invoices.</summary>
    public string? TradeRegister { get; set; }

    /// <summary>The late-payment penalties printed on invoices; the legal minimum's wording when none.</summary>
    public string? LatePaymentTerms { get; set; }

    /// <summary>Whether the final invoice is issued when the dossier is paid in full, or when it is marked processed.</summary>
    public FinalInvoiceWhen FinalInvoiceWhen { get; set; } = FinalInvoiceWhen.Paid;

    /// <summary>
    /// The cancellation terms, most days first (stored as jsonb); null: the defaults (<c>CancellationTerms.Default</c>),
    /// so that an organisation that never set its own follows them if they change.
    /// </summary>
    public List<CancellationTier>? CancellationTerms { get; set; }

    /// <summary>Balance requests, reminders, expiries and held stock: what time does for the organisation (stored as jsonb).</summary>
    public ScheduleSettings Schedule { get; set; } = new();

    /// <summary>Journal codes and accounts of the accounting exports (« Comptabilité », stored as jsonb); the defaults until saved.</summary>
    public AccountingSettings Accounting { get; set; } = new();

    public OrganisationChanged ToChangedEvent(DateTimeOffset now) => new()
    {
        OrganisationId = Id,
        OccurredAt = now,
        Name = Name,
        Kind = Kind.ToString(),
        Address = Address,
        Siret = Siret,
        VatNumber = VatNumber,
        TravelOperatorRegistration = TravelOperatorRegistration,
        ContactEmail = ContactEmail,
        ContactPhone = ContactPhone,
        DepositPercentage = DepositPercentage,
        BalanceDueDaysBeforeArrival = BalanceDueDaysBeforeArrival,
        QuoteValidityDays = QuoteValidityDays,
        QuoteNumberPrefix = QuoteNumberPrefix,
        TermsOfSale = TermsOfSale,
        EmailSenderName = EmailSenderName,
        EmailReplyTo = EmailReplyTo,
        AlertsByEmail = AlertsByEmail,
        LegalForm = LegalForm,
        TradeRegister = TradeRegister,
        LatePaymentTerms = LatePaymentTerms,
        FinalInvoiceWhen = FinalInvoiceWhen.ToString(),
        CancellationTerms = CancellationTerms is { Count: > 0 } terms ? [.. terms] : null,
        Schedule = Schedule,
        Accounting = Accounting,
    };
}
