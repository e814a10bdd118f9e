using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Pages;

public sealed class Index : PageModel
{
    public void OnGet()
    {
    }
}
