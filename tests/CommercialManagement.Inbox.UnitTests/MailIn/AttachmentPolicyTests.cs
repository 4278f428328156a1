using System.Text;
using CommercialManagement.Inbox.Api.Features.MailIn;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// What staff find attached to a customer's email reply (issue 18): documents kept under a safe name, anything that
/// runs refused with a reason they can read, and sizes bounded.
/// </summary>
public sealed class AttachmentPolicyTests
{
    private const long Mo = 1024 * 1024;

    private static AttachmentDecision Decide(string? name, string? type, long size = 200_000, long keptSoFar = 0, int countSoFar = 0) =>
        AttachmentPolicy.Decide(name, type, size, keptSoFar, countSoFar);

    private static string Refusal(AttachmentDecision decision) => Assert.IsType<AttachmentDecision.Refused>(decision).Reason;

    [Fact]
    public void Decide_SignedQuoteAsPdf_IsKeptUnderItsNameAsPdf()
    {
        Assert.Equal(new AttachmentDecision.Kept("Devis signé.pdf", "application/pdf"), Decide("Devis signé.pdf", "application/pdf; name=\"Devis signé.pdf\""));
    }

    [Fact]
    public void Decide_ArchiveOrUnknownType_IsKeptButServedAsABinaryDownload()
    {
        Assert.Equal(new AttachmentDecision.Kept("photos chalet.zip", "application/octet-stream"), Decide("photos chalet.zip", "application/zip"));
    }

    [Theory]
    [InlineData("facture.exe", "application/octet-stream", "Fichier exécutable refusé (.exe).")]
    [InlineData("Facture.pdf.EXE", "application/pdf", "Fichier exécutable refusé (.exe).")]
    [InlineData("setup.msi", null, "Fichier exécutable refusé (.msi).")]
    [InlineData("app.apk", "application/octet-stream", "Fichier exécutable refusé (.apk).")]
    [InlineData("outil.jar", "application/zip", "Fichier exécutable refusé (.jar).")]
    [InlineData("lancer.bat", "text/plain", "Script refusé (.bat).")]
    [InlineData("devis.js", "text/plain", "Script refusé (.js).")]
    [InlineData("maj.ps1", "text/plain", "Script refusé (.ps1).")]
    [InlineData("install.sh", "application/octet-stream", "Script refusé (.sh).")]
    [InlineData("Devis.lnk", "application/octet-stream", "Raccourci refusé (.lnk).")]
    [InlineData("photos.iso", "application/octet-stream", "Image disque refusée (.iso).")]
    [InlineData("reservation.html", "text/plain", "Page web refusée (.html).")]
    [InlineData("plan.svg", "image/png", "Page web refusée (.svg).")]
    [InlineData("tarifs.xlsm", "application/vnd.ms-excel", "Document à macros refusé (.xlsm).")]
    public void Decide_ProgramOrScriptByExtension_IsRefusedWithTheReason(string name, string? type, string reason)
    {
        Assert.Equal(new AttachmentDecision.Refused(name, reason), Decide(name, type));
    }

    [Theory]
    [InlineData("facture.pdf", "application/x-msdownload", "Type de fichier refusé (application/x-msdownload).")]
    [InlineData("photo.jpg", "image/svg+xml", "Type de fichier refusé (image/svg+xml).")]
    [InlineData("infos.txt", "Text/HTML; charset=utf-8", "Type de fichier refusé (text/html).")]
    [InlineData("document", "application/java-archive", "Type de fichier refusé (application/java-archive).")]
    public void Decide_ProgramByDeclaredTypeUnderAnInnocentName_IsRefused(string name, string type, string reason)
    {
        Assert.Equal(reason, Refusal(Decide(name, type)));
    }

    [Theory]
    [InlineData("facture\u202Efdp.exe", "facturefdp.exe")]
    [InlineData("virus.exe.", "virus.exe")]
    [InlineData("virus.exe . . ", "virus.exe")]
    [InlineData("C:\\Users\\Jean\\Bureau\\virus.exe", "virus.exe")]
    [InlineData("photo.jpg:flux.exe", "photo.jpg_flux.exe")]
    [InlineData("vir\u00ADus.e\u200Bxe", "virus.exe")]
    [InlineData("virus\uFF0E\uFF45\uFF58\uFF45", "virus\uFF0E\uFF45\uFF58\uFF45")]
    public void Decide_ExecutableDisguisedInItsName_IsRefusedUnderTheNameWindowsWouldSee(string name, string safeName)
    {
        var refused = Assert.IsType<AttachmentDecision.Refused>(Decide(name, "application/pdf"));

        Assert.Equal(("Fichier exécutable refusé (.exe).", safeName), (refused.Reason, refused.FileName));
    }

    [Theory]
    [InlineData("../../etc/passwd", "application/octet-stream", "passwd")]
    [InlineData("..\\..\\Windows\\notes.txt", "text/plain", "notes.txt")]
    [InlineData("fac\r\nture\t 2027.pdf", "application/pdf", "facture 2027.pdf")]
    [InlineData("devis: été 2027? <final>.pdf", "application/pdf", "devis_ été 2027_ _final_.pdf")]
    [InlineData("  Plan   d'accès.png ", "image/png", "Plan d'accès.png")]
    [InlineData("Re\u0301servation.pdf", "application/pdf", "Réservation.pdf")]
    [InlineData(null, "application/pdf", "piece-jointe.pdf")]
    [InlineData("", "image/jpeg", "piece-jointe.jpg")]
    [InlineData("...", "application/zip", "piece-jointe")]
    [InlineData("/", null, "piece-jointe")]
    public void Decide_UnsafeOrMissingName_IsKeptUnderASafeName(string? name, string? type, string safeName)
    {
        Assert.Equal(safeName, Assert.IsType<AttachmentDecision.Kept>(Decide(name, type)).FileName);
    }

    [Fact]
    public void Decide_VeryLongName_IsCutTo120CharactersKeepingTheExtension()
    {
        var kept = Assert.IsType<AttachmentDecision.Kept>(Decide(new string('é', 300) + ".docx", "application/msword"));

        Assert.Equal((120, true), (kept.FileName.Length, kept.FileName.EndsWith("éé.docx", StringComparison.Ordinal)));
    }

    [Fact]
    public void Decide_VeryLongNameOfEmoji_IsNotCutInsideACharacter()
    {
        var kept = Assert.IsType<AttachmentDecision.Kept>(Decide("a" + string.Concat(Enumerable.Repeat("🏔", 100)) + ".png", "image/png"));

        Assert.Equal(119, kept.FileName.Length);
        Assert.EndsWith("🏔.png", kept.FileName, StringComparison.Ordinal);
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(kept.FileName);
    }

    [Theory]
    [InlineData(13_002_342L, "Trop volumineux (12,4 Mo, maximum 10 Mo).")]
    [InlineData(10 * Mo + 1, "Trop volumineux (10,1 Mo, maximum 10 Mo).")]
    [InlineData(40 * Mo, "Trop volumineux (40 Mo, maximum 10 Mo).")]
    public void Decide_FileOverTenMo_IsRefusedWithItsSize(long size, string reason)
    {
        Assert.Equal(reason, Refusal(Decide("photos.pdf", "application/pdf", size)));
    }

    [Fact]
    public void Decide_FileOfExactlyTenMo_IsKept()
    {
        Assert.IsType<AttachmentDecision.Kept>(Decide("photos.pdf", "application/pdf", 10 * Mo));
    }

    [Theory]
    [InlineData(20 * Mo, 5 * Mo, true)]
    [InlineData(20 * Mo, 5 * Mo + 1, false)]
    [InlineData(25 * Mo, 1L, false)]
    [InlineData(long.MaxValue, 1L, false)]
    public void Decide_TotalOverTwentyFiveMo_IsRefused(long keptSoFar, long size, bool kept)
    {
        var decision = Decide("plan.pdf", "application/pdf", size, keptSoFar);

        Assert.Equal(kept, decision is AttachmentDecision.Kept);
        if (!kept)
        {
            Assert.Equal("Pièces jointes trop volumineuses au total (maximum 25 Mo par message).", Refusal(decision));
        }
    }

    [Fact]
    public void Decide_TwentyFirstAttachment_IsRefused()
    {
        Assert.IsType<AttachmentDecision.Kept>(Decide("photo19.jpg", "image/jpeg", countSoFar: 19));
        Assert.Equal("Trop de pièces jointes (maximum 20 par message).", Refusal(Decide("photo20.jpg", "image/jpeg", countSoFar: 20)));
    }

    [Fact]
    public void Decide_EmptyFile_IsRefused()
    {
        Assert.Equal("Fichier vide.", Refusal(Decide("devis.pdf", "application/pdf", 0)));
    }

    [Fact]
    public void Decide_NegativeSize_IsAProgrammingError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Decide("devis.pdf", "application/pdf", -1));
    }

    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("Image/PNG; name=\"plan.png\"", "image/png")]
    [InlineData("image/jpg", "image/jpeg")]
    [InlineData("image/webp", "image/webp")]
    [InlineData("text/csv; charset=utf-8", "text/csv")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/vnd.oasis.opendocument.spreadsheet", "application/vnd.oasis.opendocument.spreadsheet")]
    [InlineData("text/html", "application/octet-stream")]
    [InlineData("image/svg+xml", "application/octet-stream")]
    [InlineData("application/xml", "application/octet-stream")]
    [InlineData("", "application/octet-stream")]
    [InlineData(null, "application/octet-stream")]
    [InlineData(";;;", "application/octet-stream")]
    public void ServedContentType_OnlyASafeListIsServedAsDeclared(string? declared, string served)
    {
        Assert.Equal(served, AttachmentPolicy.ServedContentType(declared));
    }
}
