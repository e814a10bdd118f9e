using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Platform.Pages;

/// <summary>Every error the reader can meet: re-executed for 4xx status codes and for unhandled exceptions.</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class Error : PageModel
{
    public int Code { get; private set; }

    public string RequestId { get; private set; } = string.Empty;

    /// <summary>For 429: how long the reader should wait, from the <c>Retry-After</c> the refusal set.</summary>
    public TimeSpan? RetryAfter { get; private set; }

    public void OnGet(int? code) => Show(code);

    /// <summary>
    /// A failed POST is re-executed here as a POST (so no antiforgery check: the original request already failed). A
    /// POST straight to this page is not such a re-execution, and is refused like any POST without a token.
    /// </summary>
    public void OnPost(int? code)
    {
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is null && HttpContext.Features.Get<IExceptionHandlerPathFeature>() is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            code = StatusCodes.Status400BadRequest;
        }

        Show(code);
    }

    private void Show(int? code)
    {
        Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (int.TryParse(Response.Headers.RetryAfter, out var seconds) && seconds > 0)
        {
            RetryAfter = TimeSpan.FromSeconds(seconds);
        }
    }
}
