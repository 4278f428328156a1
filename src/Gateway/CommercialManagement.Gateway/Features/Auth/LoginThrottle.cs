using Microsoft.Extensions.Caching.Memory;

namespace CommercialManagement.Gateway.Features.Auth;

/// <summary>
/// Wrong passwords counted per address typed (known or not: the answer must not tell which) and per client address,
/// over a quarter of an hour, for the login page and the token endpoint alike. Beyond either limit every attempt gets
/// the same answer, <see cref="SignInMessages.TooManyAttempts"/>, whether the account exists, is locked by Identity or
/// not. In memory, per gateway instance: with several instances an attacker gets each instance's allowance.
/// </summary>
internal sealed class LoginThrottle(IMemoryCache cache, TimeProvider time)
{
    public const int PerAccount = 5;
    public const int PerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    /// <summary>What a sign-in attempt comes to, once the throttle had its say.</summary>
    public enum Outcome
    {
        Succeeded,
        WrongPassword,
        TooManyAttempts,
    }

    /// <summary>
    /// One attempt, for the login page and the token endpoint alike: refused unchecked when the account or the address
    /// is over its limit; a wrong password counted; a locked account (Identity's own lockout) answered as too many, so
    /// that the answer never tells whether the account exists.
    /// </summary>
    public async Task<Outcome> AttemptAsync(string email, string? clientAddress, Func<Task<Microsoft.AspNetCore.Identity.SignInResult>> check)
    {
        if (IsBlocked(email, clientAddress))
        {
            return Outcome.TooManyAttempts;
        }

        var result = await check();
        if (result.Succeeded)
        {
            Succeeded(email);
            return Outcome.Succeeded;
        }

        Failed(email, clientAddress);
        return result.IsLockedOut || IsBlocked(email, clientAddress) ? Outcome.TooManyAttempts : Outcome.WrongPassword;
    }

    public bool IsBlocked(string email, string? clientAddress) =>
        Count(AccountKey(email)) >= PerAccount || Count(AddressKey(clientAddress)) >= PerAddress;

    public void Failed(string email, string? clientAddress)
    {
        Add(AccountKey(email));
        Add(AddressKey(clientAddress));
    }

    /// <summary>A right password clears the account's count (not the address's: others may be tried from it).</summary>
    public void Succeeded(string email) => cache.Remove(AccountKey(email));

    private int Count(string key) => cache.TryGetValue<Attempts>(key, out var attempts) ? attempts!.Within(time.GetUtcNow()) : 0;

    private void Add(string key)
    {
        var now = time.GetUtcNow();
        var attempts = cache.GetOrCreate(key, entry =>
        {
            entry.SlidingExpiration = Window;
            return new Attempts();
        })!;
        attempts.Add(now);
    }

    private static string AccountKey(string email) => "login:account:" + email.Trim().ToUpperInvariant();

    private static string AddressKey(string? clientAddress) => "login:address:" + (clientAddress ?? "unknown");

    private sealed class Attempts
    {
        private readonly Queue<DateTimeOffset> _at = new();

        public int Within(DateTimeOffset now)
        {
            lock (_at)
            {
                while (_at.Count > 0 && now - _at.Peek() > Window)
                {
                    _at.Dequeue();
                }

                return _at.Count;
            }
        }

        public void Add(DateTimeOffset now)
        {
            lock (_at)
            {
                _at.Enqueue(now);
            }
        }
    }
}
