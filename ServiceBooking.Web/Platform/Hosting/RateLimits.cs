using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ServiceBooking.Web.Platform.Hosting;

/// <summary>
/// One limit: at most <see cref="Permits"/> attempts at once, then one more every <see cref="WindowSeconds"/> ÷
/// <see cref="Permits"/> seconds (a token bucket): a burst is allowed, a flood is slowed to a steady trickle.
/// </summary>
public sealed class RateLimit
{
    public int Permits { get; set; }

    public int WindowSeconds { get; set; }

    public RateLimit()
    {
    }

    public RateLimit(int permits, int windowSeconds) => (Permits, WindowSeconds) = (permits, windowSeconds);

    public TokenBucketRateLimiterOptions Bucket() => new()
    {
        TokenLimit = Math.Max(1, Permits),
        TokensPerPeriod = 1,
        ReplenishmentPeriod = TimeSpan.FromSeconds(Math.Max(1.0, WindowSeconds) / Math.Max(1, Permits)),
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

/// <summary>
/// Configuration section <c>RateLimits</c>. Per address: by the client's IP address (behind a proxy, the forwarded one).
/// Per login or email: by what was typed, whoever types it. Per user: by the signed-in account.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public RateLimit SignInPerAddress { get; set; } = new(5, 900);

    public RateLimit SignInPerLogin { get; set; } = new(20, 3600);

    public RateLimit RegisterPerAddress { get; set; } = new(5, 3600);

    public RateLimit RegisterPerEmail { get; set; } = new(3, 3600);

    public RateLimit ResendConfirmationPerAddress { get; set; } = new(5, 3600);

    public RateLimit ResendConfirmationPerEmail { get; set; } = new(3, 3600);

    public RateLimit ForgotPasswordPerAddress { get; set; } = new(5, 3600);

    public RateLimit ForgotPasswordPerEmail { get; set; } = new(3, 3600);

    public RateLimit BookingPerUser { get; set; } = new(30, 60);

    /// <summary>Every API call (reads too), per credential: an application's token or a staff member's session.</summary>
    public RateLimit ApiPerCredential { get; set; } = new(600, 60);
}

/// <summary>The limits by what was typed (a login name, a target email), checked in the page handler that reads it.</summary>
public enum ThrottleKind
{
    SignInLogin,
    RegisterEmail,
    ResendConfirmationEmail,
    ForgotPasswordEmail,
}

/// <summary>
/// Limits keyed by a value from the form (the rate-limiting middleware partitions before the form is read). The same
/// token buckets as the middleware's policies, from System.Threading.RateLimiting.
/// </summary>
public sealed class Throttle : IDisposable
{
    private readonly Dictionary<ThrottleKind, PartitionedRateLimiter<string>> _limiters;

    public Throttle(IOptions<RateLimitOptions> options)
    {
        var limits = options.Value;
        _limiters = new()
        {
            [ThrottleKind.SignInLogin] = Create(limits.SignInPerLogin),
            [ThrottleKind.RegisterEmail] = Create(limits.RegisterPerEmail),
            [ThrottleKind.ResendConfirmationEmail] = Create(limits.ResendConfirmationPerEmail),
            [ThrottleKind.ForgotPasswordEmail] = Create(limits.ForgotPasswordPerEmail),
        };
    }

    /// <summary>Null when the attempt may go on; otherwise how long to wait.</summary>
    public async Task<TimeSpan?> TryAsync(ThrottleKind kind, string key, CancellationToken cancellationToken = default)
    {
        using var lease = await _limiters[kind].AcquireAsync(key.Trim().ToUpperInvariant(), 1, cancellationToken);
        return lease.IsAcquired ? null : RetryAfter(lease);
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    internal static TimeSpan RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) && wait > TimeSpan.Zero ? wait : TimeSpan.FromSeconds(1);

    private static PartitionedRateLimiter<string> Create(RateLimit limit) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => limit.Bucket()));
}

/// <summary>
/// 429 Too Many Requests with <c>Retry-After</c> in whole seconds. The body is left empty, so the status-code page
/// re-executes <c>/Error?code=429</c> and the reader sees a localized page saying how long to wait.
/// </summary>
public sealed class TooManyRequestsResult(TimeSpan retryAfter) : IActionResult
{
    public TimeSpan RetryAfter => retryAfter;

    public Task ExecuteResultAsync(ActionContext context)
    {
        RateLimits.Reject(context.HttpContext.Response, retryAfter);
        return Task.CompletedTask;
    }
}

/// <summary>The named policies pages opt into with <c>[EnableRateLimiting(RateLimits.SignIn)]</c>; a GET is never limited.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string Register = "register";
    public const string ResendConfirmation = "resend-confirmation";
    public const string ForgotPassword = "forgot-password";
    public const string Booking = "booking";
    public const string Api = "api";

    /// <summary>The claim an API caller's credential is named by (set by the API's authentication).</summary>
    public const string CredentialClaim = "credential";

    public static void AddRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section);
        services.AddSingleton<Throttle>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, configured) =>
        {
            var limits = configured.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(SignIn, context => PerAddress(context, SignIn, limits.SignInPerAddress));
            options.AddPolicy(Register, context => PerAddress(context, Register, limits.RegisterPerAddress));
            options.AddPolicy(ResendConfirmation, context => PerAddress(context, ResendConfirmation, limits.ResendConfirmationPerAddress));
            options.AddPolicy(ForgotPassword, context => PerAddress(context, ForgotPassword, limits.ForgotPasswordPerAddress));
            options.AddPolicy(Booking, context => PerUser(context, Booking, limits.BookingPerUser));
            options.AddPolicy(Api, context => RateLimitPartition.GetTokenBucketLimiter(
                $"{Api}:{context.User.FindFirstValue(CredentialClaim) ?? context.Connection.RemoteIpAddress?.ToString()}", _ => limits.ApiPerCredential.Bucket()));
            options.OnRejected = async (rejected, _) =>
            {
                var context = rejected.HttpContext;
                Reject(context.Response, Throttle.RetryAfter(rejected.Lease));
                if (context.Request.Path.StartsWithSegments("/api"))
                {
                    // The API answers in problem details (RFC 9457), with the same Retry-After.
                    await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = StatusCodes.Status429TooManyRequests,
                            Title = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>()["Api.TooManyRequests"],
                            Extensions = { ["code"] = "Api.TooManyRequests" },
                        },
                    });
                }
            };
        });
    }

    internal static void Reject(HttpResponse response, TimeSpan retryAfter)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, string policy, RateLimit limit) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetTokenBucketLimiter($"{policy}:{context.Connection.RemoteIpAddress}", _ => limit.Bucket());

    private static RateLimitPartition<string> PerUser(HttpContext context, string policy, RateLimit limit) =>
        HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
            ? RateLimitPartition.GetNoLimiter(string.Empty)
            : RateLimitPartition.GetTokenBucketLimiter(
                $"{policy}:{context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? context.Connection.RemoteIpAddress?.ToString()}",
                _ => limit.Bucket());
}
