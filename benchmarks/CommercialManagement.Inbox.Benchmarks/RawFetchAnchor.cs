using System.Diagnostics;
using CommercialManagement.TestKit;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>What the same emails cost with nothing of ours around them.</summary>
internal sealed record AnchorResult(int Emails, TimeSpan Elapsed, TimeSpan Cpu, long Bytes, TimeSpan ImapCpu);

/// <summary>
/// The floor of the reply-mailbox fetch: a plain MailKit loop that logs in, selects the folder, and fetches every email
/// one by one (<c>UID FETCH … BODY.PEEK[]</c>, so nothing is marked), each INSERTed raw into a scratch table in a
/// transaction of its own. No parsing, no matching, no conversation: what is left of the fetch once our code is gone.
/// </summary>
internal static class RawFetchAnchor
{
    public static async Task<AnchorResult> RunAsync(ImapServer imap, ImapMailbox mailbox, string connectionString, string imapMarker)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using (var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS raw_emails (uid bigint NOT NULL, raw bytea NOT NULL); TRUNCATE raw_emails", db))
        {
            await create.ExecuteNonQueryAsync();
        }

        var (cpu, imapCpu) = (Measures.OwnCpu(), Measures.CpuOf(imapMarker));
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        using var client = new ImapClient { Timeout = 30_000 };
        await client.ConnectAsync(imap.Host, imap.ImapPort, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(mailbox.UserName, imap.Password);
        await client.Inbox.OpenAsync(FolderAccess.ReadWrite);
        var uids = await client.Inbox.SearchAsync(SearchQuery.All);
        foreach (var uid in uids)
        {
            using var buffer = new MemoryStream();
            await using (var stream = await client.Inbox.GetStreamAsync(uid))
            {
                await stream.CopyToAsync(buffer);
            }

            await using var transaction = await db.BeginTransactionAsync();
            await using var insert = new NpgsqlCommand("INSERT INTO raw_emails (uid, raw) VALUES (@uid, @raw)", db, transaction);
            insert.Parameters.AddWithValue("uid", (long)uid.Id);
            insert.Parameters.Add(new NpgsqlParameter("raw", NpgsqlDbType.Bytea) { Value = buffer.ToArray() });
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
            bytes += buffer.Length;
        }

        await client.DisconnectAsync(true);
        return new AnchorResult(uids.Count, watch.Elapsed, Measures.OwnCpu() - cpu, bytes, Measures.CpuOf(imapMarker) - imapCpu);
    }
}
