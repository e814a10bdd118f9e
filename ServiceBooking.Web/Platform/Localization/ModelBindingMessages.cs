using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace ServiceBooking.Web.Platform.Localization;

/// <summary>The framework's own binding messages ("The value 'x' is not valid") from our resources.</summary>
public static class ModelBindingMessages
{
    public static void Localize(DefaultModelBindingMessageProvider messages, IStringLocalizer text)
    {
        messages.SetValueIsInvalidAccessor(value => text["Binding.ValueIsInvalid", value]);
        messages.SetValueMustBeANumberAccessor(field => text["Binding.ValueMustBeANumber", field]);
        messages.SetValueMustNotBeNullAccessor(field => text["Binding.ValueMustNotBeNull", field]);
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["Binding.AttemptedValueIsInvalid", value, field]);
        messages.SetMissingBindRequiredValueAccessor(field => text["Binding.MissingValue", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["Binding.MissingKeyOrValue"]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Binding.MissingBody"]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["Binding.ValueIsInvalid", value]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["Binding.UnknownValueIsInvalid"]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Binding.NonPropertyValueMustBeANumber"]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["Binding.UnknownValueIsInvalidFor", field]);
    }
}
