namespace ServiceBooking.Domain.Api;

/// <summary>
/// The answer a creating call gave under an <c>Idempotency-Key</c>, kept so that the same call retried (a lost answer,
/// a bot's retry) gets the same answer instead of creating a second thing. Keyed by the credential and the key: the
/// primary key lets only one of two racing retries run. <see cref="Status"/> is 0 while the first is still running.
/// </summary>
public sealed class IdempotentAnswer
{
    public const int MaxKeyLength = 100;

    /// <summary>How long an answer is kept for retries.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public string Credential { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>The method and route the key was first used with.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>The SHA-256 of the request's body: a key used again for a different request is refused.</summary>
    public byte[] RequestHash { get; set; } = [];

    public int Status { get; set; }

    public string? Body { get; set; }

    public string? Location { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
