using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace ServiceBooking.Web.Modules.Pickups;

/// <summary>What an answer link names: the request and the proposal it answers (its time of confirmation, <see cref="AnswerTokens.Stamp"/>).</summary>
public sealed record AnswerTicket(int RequestId, long Proposal)
{
    /// <summary>Whether <paramref name="confirmedAt"/> (the request's, as stored) is the proposal this ticket answers.</summary>
    public bool Answers(DateTimeOffset? confirmedAt) => confirmedAt is { } at && AnswerTokens.Stamp(at) == Proposal;

    /// <summary>The time of confirmation the stamp stands for (to find the row by it); null for a stamp no time has.</summary>
    public DateTimeOffset? ConfirmedAt =>
        Proposal >= 0 && Proposal <= DateTimeOffset.MaxValue.UtcTicks / TimeSpan.TicksPerMicrosecond
            ? new DateTimeOffset(Proposal * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero)
            : null;
}

/// <summary>
/// The signed token of the agree and decline links in the proposal email: it names the request and the proposal, so the
/// client answers from a phone without signing in, nobody can forge one for another request, and a link to an earlier
/// proposal (the manager has since proposed another time or price) no longer answers the new one.
/// </summary>
public sealed class AnswerTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("ServiceBooking.PickupAnswer.v1");

    public string For(int requestId, DateTimeOffset confirmedAt) =>
        _protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{requestId}:{Stamp(confirmedAt)}"));

    /// <summary>
    /// A proposal's stamp: its time of confirmation in whole microseconds, as PostgreSQL keeps it (the clock's finer
    /// ticks are gone once stored, so a link made from the unsaved value must not depend on them).
    /// </summary>
    public static long Stamp(DateTimeOffset confirmedAt) => confirmedAt.UtcTicks / TimeSpan.TicksPerMicrosecond;

    /// <summary>What the token names, or null when it was altered, cut short or is not ours.</summary>
    public AnswerTicket? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (Exception error) when (error is CryptographicException or FormatException)
        {
            return null;
        }

        var parts = payload.Split(':');
        return parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new AnswerTicket(id, ticks)
            : null;
    }
}
