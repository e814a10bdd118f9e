using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Platform.Pages;

public sealed class Index : PageModel
{
    public void OnGet()
    {
    }
}
