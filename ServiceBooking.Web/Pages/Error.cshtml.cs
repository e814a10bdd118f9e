using System.Diagnostics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Pages;

/// <summary>Every error the reader can meet: re-executed for 4xx status codes and for unhandled exceptions.</summary>
[AllowAnonymous]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
[IgnoreAntiforgeryToken]
public sealed class Error : PageModel
{
    public int Code { get; private set; }

    public string RequestId { get; private set; } = string.Empty;

    public void OnGet(int? code) => Show(code);

    public void OnPost(int? code) => Show(code);

    private void Show(int? code)
    {
        Code = code ?? (Response.StatusCode >= 400 ? Response.StatusCode : StatusCodes.Status500InternalServerError);
        RequestId = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
    }
}
