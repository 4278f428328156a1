using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Persistence;

internal sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public const int CustomerNameLength = 200;
    public const int EmailLength = 254;
    public const int LanguageLength = 10;

    public DbSet<EmailMessage> Emails => Set<EmailMessage>();

    public DbSet<EmailAttachment> Attachments => Set<EmailAttachment>();

    public DbSet<OrganisationProfile> Organisations => Set<OrganisationProfile>();

    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    public DbSet<CaseCopy> Cases => Set<CaseCopy>();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationProfile>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.OrganisationId);
            organisation.Property(o => o.OrganisationId).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.EmailSenderName).HasMaxLength(200);
            organisation.Property(o => o.EmailReplyTo).HasMaxLength(254);
            organisation.Property(o => o.ContactEmail).HasMaxLength(254);
            organisation.Property(o => o.ContactPhone).HasMaxLength(40);
            organisation.Property(o => o.ReplyMailboxAddress).HasMaxLength(EmailLength);
        });

        modelBuilder.Entity<StaffMember>(member =>
        {
            member.ToTable("staff_members");
            member.HasKey(s => s.StaffId);
            member.Property(s => s.StaffId).ValueGeneratedNever();
            member.Property(s => s.Name).HasMaxLength(200);
            member.Property(s => s.Email).HasMaxLength(254);
            member.HasIndex(s => s.OrganisationId);
        });

        modelBuilder.Entity<CaseCopy>(copy =>
        {
            copy.ToTable("cases");
            copy.HasKey(c => c.RequestId);
            copy.Property(c => c.RequestId).ValueGeneratedNever();
            copy.Property(c => c.CustomerSpaceToken).HasMaxLength(100);
            copy.Property(c => c.CustomerName).HasMaxLength(CustomerNameLength);
            copy.Property(c => c.CustomerEmail).HasMaxLength(EmailLength);
            copy.Property(c => c.Language).HasMaxLength(LanguageLength);
            copy.Property(c => c.ReplyToken).HasMaxLength(ReplyAddress.TokenLength);
        });

        modelBuilder.Entity<EmailMessage>(email =>
        {
            email.ToTable("emails");
            email.HasKey(e => e.Id);
            email.Property(e => e.Id).ValueGeneratedNever();
            email.Property(e => e.Kind).HasMaxLength(50);
            email.Property(e => e.To).HasMaxLength(254);
            email.Property(e => e.FromName).HasMaxLength(200);
            // The reply mailbox's address with the case's tag (+ and 32 characters) can pass an ordinary address's 254.
            email.Property(e => e.ReplyTo).HasMaxLength(300);
            email.Property(e => e.InReplyToEmail).HasMaxLength(MessageIds.MaxLength);
            email.Property(e => e.InternetMessageId).HasMaxLength(MessageIds.MaxLength);
            email.Property(e => e.Subject).HasMaxLength(300);
            email.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
            email.Property(e => e.LastError).HasMaxLength(2000);
            email.HasIndex(e => new { e.SourceMessageId, e.Kind }).IsUnique();
            // One email of a kind per item carried: per conversation message for a staff reply, per quote and version
            // for a quote (a version sent later has its own). A null version is a value here, not "unknown".
            email.HasIndex(e => new { e.RegardingId, e.RegardingVersion, e.Kind }).IsUnique().AreNullsDistinct(false)
                .HasFilter("\"RegardingId\" IS NOT NULL");
            // The senders' next email: a person's first, then the oldest (see EmailSender).
            email.HasIndex(e => new { e.Priority, e.NextAttemptAt, e.Id }).HasFilter("\"Status\" = 'Queued'");
            email.HasIndex(e => new { e.OrganisationId, e.CaseId });
            // The acknowledgements' daily caps: per recipient, per organisation.
            email.HasIndex(e => new { e.Kind, e.To, e.QueuedAt });
            email.HasIndex(e => new { e.OrganisationId, e.Kind, e.QueuedAt });
        });

        modelBuilder.Entity<EmailAttachment>(attachment =>
        {
            attachment.ToTable("email_attachments");
            attachment.HasKey(a => a.Id);
            attachment.Property(a => a.Id).ValueGeneratedNever();
            attachment.Property(a => a.FileName).HasMaxLength(200);
            attachment.Property(a => a.ContentType).HasMaxLength(100);
            // Which service the document is fetched from (DocumentPdfClient).
            attachment.Property(a => a.Source).HasConversion<string>().HasMaxLength(20);
            attachment.HasOne<EmailMessage>().WithMany().HasForeignKey(a => a.EmailId).OnDelete(DeleteBehavior.Cascade);
            attachment.HasIndex(a => a.EmailId);
        });
    }
}

internal sealed class NotificationDbContextFactory : DesignTimeDbContextFactory<NotificationDbContext>;
