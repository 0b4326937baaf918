package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.TransformerEncoderLayerKind;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/**
 * {@code @TransformerEncoderLayer}: heads and feedforward at least 1, dropout in [0, 1), eps above 0;
 * heads against the dim in the shape walk.
 */
final class TransformerEncoderLayerReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    SequenceOptions.positive(origin, "heads", member, report);
    SequenceOptions.positive(origin, "feedforward", member, report);
    NormOptions.check(origin, member, report);
    return new TransformerEncoderLayerKind(origin, (Integer) origin.value("heads").getValue(),
        (Integer) origin.value("feedforward").getValue(), SequenceOptions.dropout(origin, member, report),
        Annotations.enumConstant(origin.value("activation")).equals("GELU"), SequenceOptions.flag(origin, "normFirst"),
        NormOptions.floatValue(origin, "eps"), SequenceOptions.flag(origin, "causal"));
  }
}
