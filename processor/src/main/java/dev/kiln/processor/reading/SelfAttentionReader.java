package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.model.SelfAttentionLayer;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/** {@code @SelfAttention}: heads at least 1, dropout in [0, 1); heads against the dim in the shape walk. */
final class SelfAttentionReader implements KindReader {
  @Override
  public LayerKind read(Origin origin, ExecutableElement member, ValidationReport report) {
    SequenceOptions.positive(origin, "heads", member, report);
    return new SelfAttentionLayer(origin, (Integer) origin.value("heads").getValue(),
        SequenceOptions.dropout(origin, member, report), SequenceOptions.flag(origin, "bias"),
        SequenceOptions.flag(origin, "causal"));
  }
}
