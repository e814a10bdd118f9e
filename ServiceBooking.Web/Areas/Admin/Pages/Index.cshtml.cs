using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ServiceBooking.Web.Areas.Admin.Pages;

public sealed class Index : PageModel
{
    public void OnGet()
    {
    }
}
