using Bunit;
using Microsoft.Extensions.DependencyInjection;
using ServiceBooking.Web.Modules.Garage.Components;

namespace ServiceBooking.Tests.Garage;

public sealed class ModelGalleryTests : BunitContext
{
    private static readonly ModelCard[] Models =
    [
        new(1, "Kia Rio (IV)", "kia-rio-iv.svg", "G4FG 1.6 л"),
        new(2, "Lada Vesta", "lada-vesta.svg", "VAZ-21129 1.6 л"),
        new(3, "Hyundai Solaris (II)", null, "G4LC 1.4 л"),
    ];

    public ModelGalleryTests() => Services.AddLocalization(options => options.ResourcesPath = "Resources");

    private static string[] Names(IRenderedComponent<ModelGallery> gallery) =>
        [.. gallery.FindAll("[data-testid=model-option]").Select(o => o.GetAttribute("data-name")!)];

    [Fact]
    public void Every_model_is_a_radio_card_with_its_picture_and_the_chosen_one_is_checked()
    {
        var gallery = Render<ModelGallery>(p => p.Add(g => g.Models, Models).Add(g => g.SelectedId, 2));

        Assert.Equal(["Kia Rio (IV)", "Lada Vesta", "Hyundai Solaris (II)"], Names(gallery));
        Assert.All(gallery.FindAll("input[type=radio]"), r => Assert.Equal("Input.ModelId", r.GetAttribute("name")));
        Assert.Equal("2", gallery.Find("input[checked]").GetAttribute("value"));
        Assert.Equal("/pictures/kia-rio-iv.svg", gallery.Find("label[for=model-1] img").GetAttribute("src"));
        Assert.Empty(gallery.FindAll("label[for=model-3] img"));
    }

    [Fact]
    public void The_filter_ignores_case_and_never_hides_the_chosen_model()
    {
        var gallery = Render<ModelGallery>(p => p.Add(g => g.Models, Models).Add(g => g.SelectedId, 2).Add(g => g.Filter, "  rIo "));

        Assert.Equal(["Kia Rio (IV)", "Lada Vesta"], Names(gallery));
    }

    [Fact]
    public void A_filter_that_matches_nothing_says_so()
    {
        var gallery = Render<ModelGallery>(p => p.Add(g => g.Models, Models).Add(g => g.Filter, "Tesla"));

        Assert.Empty(Names(gallery));
        Assert.Equal("Нет моделей, подходящих под «Tesla».", gallery.Find("[data-testid=model-gallery-empty]").TextContent);
    }
}
