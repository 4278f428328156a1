using CommercialManagement.Gateway.Features.Auth;
using Microsoft.Extensions.Caching.Memory;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>Wrong passwords counted per account typed and per client address, the same whether the account exists.</summary>
public sealed class LoginThrottleTests
{
    private readonly LoginThrottle _throttle = new(new MemoryCache(new MemoryCacheOptions()), TimeProvider.System);

    [Fact]
    public void TwentyWrongPasswordsFromOneAddress_OnAsManyAccounts_BlockThatAddressOnly()
    {
        for (var i = 0; i < LoginThrottle.PerAddress; i++)
        {
            Assert.False(_throttle.IsBlocked($"essai{i}@example.fr", "198.51.100.7"));
            _throttle.Failed($"essai{i}@example.fr", "198.51.100.7");
        }

        Assert.True(_throttle.IsBlocked("jamais-essaye@example.fr", "198.51.100.7"));
        Assert.False(_throttle.IsBlocked("jamais-essaye@example.fr", "198.51.100.8"));
    }

    [Fact]
    public void FiveWrongPasswordsOnOneAccount_BlockItFromEveryAddress_WhateverItsCase_UntilARightOne()
    {
        for (var i = 0; i < LoginThrottle.PerAccount; i++)
        {
            _throttle.Failed("Lucas@Example.fr", $"203.0.113.{i}");
        }

        Assert.True(_throttle.IsBlocked(" lucas@example.fr ", "192.0.2.1"));
        _throttle.Succeeded("lucas@example.fr");
        Assert.False(_throttle.IsBlocked("lucas@example.fr", "192.0.2.1"));
    }
}
