using Microsoft.Playwright;

namespace ServiceBooking.Tests.Infrastructure.Browser.PageObjects;

/// <summary>The garage as a client uses it.</summary>
public sealed class GaragePages(IPage page)
{
    public ILocator FieldError(string field) => page.GetByTestId($"{field}-error");

    public ILocator Field(string field) => page.GetByTestId(field);

    public async Task OpenAsync() => await page.GetByTestId("nav-garage").ClickAsync();

    public async Task StartAddingAsync()
    {
        await OpenAsync();
        await page.GetByTestId("car-add").First.ClickAsync();
    }

    public async Task FillAsync(string vin, string plate, string certificate, string saleDate, string mileage)
    {
        await page.GetByTestId("Vin").FillAsync(vin);
        await page.GetByTestId("Plate").FillAsync(plate);
        await page.GetByTestId("Certificate").FillAsync(certificate);
        await page.GetByTestId("SaleDate").FillAsync(saleDate);
        await page.GetByTestId("Mileage").FillAsync(mileage);
    }

    /// <summary>Types in the gallery's filter and picks the model's card once the filtered gallery has arrived.</summary>
    public async Task ChooseModelAsync(string filter, string model)
    {
        await page.GetByTestId("model-filter").FillAsync(filter);
        await Assertions.Expect(page.GetByTestId("model-option")).ToHaveCountAsync(1);
        await page.Locator($"label:has(+ *), label").Filter(new() { HasText = model }).ClickAsync();
    }

    public async Task SaveAsync() => await page.GetByTestId("car-submit").ClickAsync();
}
