using ServiceBooking.Domain.Catalog;
using ServiceBooking.Domain.Common;
using static ServiceBooking.Tests.Catalog.Domain.CatalogBuilder;

namespace ServiceBooking.Tests.Catalog.Domain;

public class PartTests
{
    [Fact]
    public void A_new_part_keeps_its_data_and_is_active()
    {
        var rio = NewModel();

        var part = new Part(" Масляный  фильтр ", " 26300-35505 ", Rub(450.5m), [rio]);

        Assert.Equal("Масляный фильтр", part.Name);
        Assert.Equal("26300-35505", part.Article);
        Assert.Equal(Rub(450.5m), part.Price);
        Assert.Equal([rio], part.CompatibleModels);
        Assert.True(part.IsActive);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void The_article_is_optional(string? article)
    {
        Assert.Null(NewPart(article: article).Article);
    }

    [Fact]
    public void An_article_longer_than_64_characters_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewPart(article: new string('1', 65)));

        Assert.Equal("Part.ArticleTooLong", error.Code);
        Assert.Equal([64], error.Arguments);
    }

    [Fact]
    public void A_missing_name_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewPart(name: ""));

        Assert.Equal("Part.NameRequired", error.Code);
    }

    [Fact]
    public void A_name_longer_than_120_characters_is_refused()
    {
        Assert.Equal(120, NewPart(name: new string('n', 120)).Name.Length);

        var error = Assert.Throws<DomainException>(() => NewPart(name: new string('n', 121)));

        Assert.Equal("Part.NameTooLong", error.Code);
        Assert.Equal([120], error.Arguments);
    }

    [Fact]
    public void A_free_part_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => NewPart(price: 0m));

        Assert.Equal("Part.PriceRequired", error.Code);
    }

    [Fact]
    public void A_part_without_models_fits_no_model()
    {
        var part = NewPart();

        Assert.Empty(part.CompatibleModels);
        Assert.False(part.FitsModel(NewModel()));
    }

    [Fact]
    public void A_model_listed_twice_is_kept_once()
    {
        var rio = NewModel();
        var solaris = NewModel(name: "Hyundai Solaris (II)");

        var part = NewPart(fits: [rio, solaris, rio]);

        Assert.Equal([rio, solaris], part.CompatibleModels);
    }

    [Fact]
    public void A_saved_model_loaded_twice_is_kept_once()
    {
        var rio = NewModel().WithId(1);
        var rioLoadedAgain = NewModel().WithId(1);

        var part = NewPart(fits: [rio, rioLoadedAgain]);

        Assert.Single(part.CompatibleModels);
        Assert.True(part.FitsModel(rioLoadedAgain));
    }

    [Fact]
    public void Update_replaces_the_compatible_models()
    {
        var rio = NewModel();
        var solaris = NewModel(name: "Hyundai Solaris (II)");
        var creta = NewModel(name: "Hyundai Creta (I)");
        var part = NewPart(fits: [rio, solaris]);

        part.Update("Фильтр масляный", "26300-35504", Rub(470m), [solaris, creta, creta]);

        Assert.Equal([solaris, creta], part.CompatibleModels);
        Assert.False(part.FitsModel(rio));
        Assert.True(part.FitsModel(solaris));
        Assert.True(part.FitsModel(creta));
        Assert.Equal("Фильтр масляный", part.Name);
        Assert.Equal(Rub(470m), part.Price);
    }

    [Fact]
    public void Update_keeps_the_instance_of_a_saved_model_that_stays()
    {
        var rio = NewModel().WithId(1);
        var part = NewPart(fits: [rio]);

        part.Update(part.Name, part.Article, part.Price, [NewModel().WithId(1), NewModel(name: "Hyundai Solaris (II)").WithId(2)]);

        Assert.Equal(2, part.CompatibleModels.Count);
        Assert.Same(rio, part.CompatibleModels.First());
        Assert.Equal([1, 2], part.CompatibleModels.Select(m => m.Id));
    }

    [Fact]
    public void Update_with_no_models_clears_them()
    {
        var part = NewPart(fits: [NewModel()]);

        part.Update(part.Name, part.Article, part.Price, []);

        Assert.Empty(part.CompatibleModels);
    }

    [Fact]
    public void A_part_can_be_deactivated_and_activated_again()
    {
        var part = NewPart();

        part.Deactivate();
        Assert.False(part.IsActive);

        part.Activate();
        Assert.True(part.IsActive);
    }
}
