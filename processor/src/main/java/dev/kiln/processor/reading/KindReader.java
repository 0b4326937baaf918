package dev.kiln.processor.reading;

import dev.kiln.processor.model.LayerKind;
import dev.kiln.processor.model.Origin;
import dev.kiln.processor.validation.ValidationReport;
import javax.lang.model.element.ExecutableElement;

/**
 * Reads one layer annotation into its kind and checks the options that concern it alone; rules about
 * the whole network live in {@code validation}. One implementation per annotation, found through
 * {@link KindReaders}.
 */
interface KindReader {
  LayerKind read(Origin origin, ExecutableElement member, ValidationReport report);
}
