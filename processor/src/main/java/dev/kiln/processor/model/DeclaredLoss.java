package dev.kiln.processor.model;

import dev.kiln.dsl.LossKind;
import dev.kiln.dsl.Reduction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/** The {@code @Loss} on a model, with its value kept so that problems can point at it. */
public record DeclaredLoss(AnnotationMirror mirror, AnnotationValue kindValue, LossKind kind,
    Reduction reduction) {}
