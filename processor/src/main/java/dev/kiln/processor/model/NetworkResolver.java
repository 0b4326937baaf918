package dev.kiln.processor.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Turns a declared network that passed validation, and its shapes, into a {@link Network} for the writers. */
public final class NetworkResolver {
  private final Elements elements;

  public NetworkResolver(Elements elements) {
    this.elements = elements;
  }

  public Network resolve(DeclaredNetwork declared, Shapes shapes) {
    List<NetworkLayer> layers = new ArrayList<>();
    for (int i = 0; i < declared.members().size(); i++) {
      MemberShapes member = shapes.of(i);
      layers.add(new NetworkLayer(declared.members().get(i), member.input().orElseThrow(),
          member.output().orElseThrow(), member.steps().stream().map(Optional::orElseThrow).toList()));
    }
    PackageElement pkg = elements.getPackageOf(declared.type());
    return new Network(declared.type(), pkg.getQualifiedName().toString(), declared.simpleName(), layers,
        loss(declared.loss().orElseThrow()));
  }

  private static LossSpec loss(DeclaredLoss declared) {
    Map<String, AnnotationValue> v = declared.values();
    return new LossSpec(declared.kind(), declared.reduction(), floats(v.get("weight")),
        (Integer) v.get("ignoreIndex").getValue(), floatValue(v.get("labelSmoothing")), floats(v.get("posWeight")),
        floatValue(v.get("beta")), floatValue(v.get("delta")), floatValue(v.get("alpha")),
        floatValue(v.get("gamma")), (Boolean) v.get("logTarget").getValue(), declared.explicit().keySet());
  }

  static float floatValue(AnnotationValue value) {
    return ((Number) value.getValue()).floatValue();
  }

  static float[] floats(AnnotationValue value) {
    List<?> items = (List<?>) value.getValue();
    float[] floats = new float[items.size()];
    for (int i = 0; i < floats.length; i++) floats[i] = floatValue((AnnotationValue) items.get(i));
    return floats;
  }
}
