import { z } from 'zod';
import type { ChallengeActivation, ChallengeExercise, ChallengeLayerType } from '../definition';

/**
 * An uploaded model: tfjs layers artifacts as `model.save(tf.io.withSaveHandler(…))` gives them, with the weights
 * base64-encoded. Validated here once, on the web server before anything is stored and again in the grading child
 * before it is evaluated: only the layer types the challenge allows, parameter count and size under the limits,
 * shapes consistent from the 2 inputs to the classes, every weight finite. Nothing in it is ever executed: the
 * server evaluates the validated layer list with its own tfjs ops.
 */
const weightSpec = z
  .object({
    name: z.string().max(200),
    shape: z.array(z.number().int().nonnegative()).max(4),
    dtype: z.literal('float32', { error: 'only float32 weights are accepted' }),
  })
  .loose();

const layerJson = z.object({ class_name: z.string().max(100), config: z.record(z.string(), z.unknown()) }).loose();

export const modelUploadSchema = z
  .object({
    modelTopology: z
      .object({
        class_name: z.string().max(100),
        config: z.object({ layers: z.array(layerJson).max(64, 'at most 64 layers') }).loose(),
      })
      .loose(),
    weightSpecs: z.array(weightSpec).max(128),
    weightData: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'weightData must be base64'),
  })
  .loose();
export type ModelUpload = z.infer<typeof modelUploadSchema>;

/** One layer as the server evaluates it. */
export type ValidLayer =
  | {
      type: 'Dense';
      inputs: number;
      units: number;
      activation: ChallengeActivation;
      useBias: boolean;
      kernel: Float32Array;
      bias: Float32Array | null;
    }
  | { type: 'Dropout'; rate: number };

export interface ValidModel {
  layers: ValidLayer[];
  params: number;
  /** The upload's size as JSON, bytes. */
  bytes: number;
}

export type ModelCheck = { ok: true; model: ValidModel } | { ok: false; message: string };

type Rules = Pick<ChallengeExercise, 'model'> & { classes: number };

/** What the model must output for `classes` classes: one sigmoid-style unit for two, else one unit per class. */
export function outputUnitsFor(classes: number): number[] {
  return classes === 2 ? [1, 2] : [classes];
}

function describe(issue: z.core.$ZodIssue): string {
  const where = issue.path.length > 0 ? `model.${issue.path.join('.')}: ` : 'model: ';
  return `${where}${issue.message}`;
}

/** Decodes base64 without Node's Buffer, so the same check runs anywhere. */
function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/** Validates an upload against a challenge's rules; the refusal names what is wrong. */
export function checkModelUpload(upload: unknown, rules: Rules): ModelCheck {
  const bytes = JSON.stringify(upload ?? null).length;
  const maxBytes = rules.model.maxUploadKb * 1024;
  if (bytes > maxBytes)
    return {
      ok: false,
      message: `The model is ${Math.ceil(bytes / 1024)} kB; this challenge accepts at most ${rules.model.maxUploadKb} kB.`,
    };
  const parsed = modelUploadSchema.safeParse(upload);
  if (!parsed.success) return { ok: false, message: describe(parsed.error.issues[0]!) };
  const { modelTopology, weightSpecs, weightData } = parsed.data;
  if (modelTopology.class_name !== 'Sequential') {
    return { ok: false, message: `model.modelTopology: only tf.sequential() models are accepted (got ${modelTopology.class_name}).` };
  }
  const allowed = new Set<string>(rules.model.layers);
  const activations = new Set<string>(rules.model.activations);
  const topologyLayers = modelTopology.config.layers;
  if (topologyLayers.length === 0) return { ok: false, message: 'model.modelTopology: the model has no layers.' };

  // Walk the layers: the weights each one needs, in the order tfjs saves them.
  type Planned = {
    layer: number;
    type: ChallengeLayerType;
    inputs: number;
    units: number;
    activation: ChallengeActivation;
    useBias: boolean;
    rate: number;
  };
  const planned: Planned[] = [];
  const expected: { name: string; shape: number[] }[] = [];
  let width: number | null = null;
  for (const [index, layer] of topologyLayers.entries()) {
    const where = `model layer ${index + 1} (${layer.class_name})`;
    if (!allowed.has(layer.class_name)) {
      return {
        ok: false,
        message: `${where}: ${layer.class_name} layers are not allowed in this challenge (allowed: ${rules.model.layers.join(', ')}).`,
      };
    }
    const config = layer.config;
    if (index === 0) {
      const shape = (config.batch_input_shape ?? config.batchInputShape) as unknown;
      if (!Array.isArray(shape) || shape.length !== 2 || shape[1] !== 2) {
        return {
          ok: false,
          message: `${where}: the first layer must take the 2 input features (inputShape: [2]); got ${JSON.stringify(shape ?? null)}.`,
        };
      }
      width = 2;
    }
    if (layer.class_name === 'Dense') {
      const units = config.units;
      if (typeof units !== 'number' || !Number.isInteger(units) || units < 1 || units > 100_000) {
        return { ok: false, message: `${where}: units must be a positive integer.` };
      }
      const activation = String(config.activation ?? 'linear');
      if (!activations.has(activation)) {
        return {
          ok: false,
          message: `${where}: activation '${activation}' is not allowed (allowed: ${rules.model.activations.join(', ')}).`,
        };
      }
      const useBias = config.use_bias !== false;
      const name = typeof config.name === 'string' ? config.name : `dense_${index}`;
      expected.push({ name: `${name}/kernel`, shape: [width!, units] });
      if (useBias) expected.push({ name: `${name}/bias`, shape: [units] });
      planned.push({ layer: index, type: 'Dense', inputs: width!, units, activation: activation as ChallengeActivation, useBias, rate: 0 });
      width = units;
    } else if (layer.class_name === 'Dropout') {
      const rate = config.rate;
      if (typeof rate !== 'number' || !(rate >= 0 && rate < 1)) return { ok: false, message: `${where}: rate must be a number in [0, 1).` };
      planned.push({ layer: index, type: 'Dropout', inputs: width!, units: width!, activation: 'linear', useBias: false, rate });
    }
  }
  const last = planned[planned.length - 1]!;
  const outputs = outputUnitsFor(rules.classes);
  if (!outputs.includes(width!)) {
    return {
      ok: false,
      message: `model: the last layer gives ${width} output${width === 1 ? '' : 's'}; this challenge has ${rules.classes} classes, so it must give ${outputs.join(' or ')}.`,
    };
  }
  if (last.type !== 'Dense') return { ok: false, message: 'model: the last layer must be Dense (the output).' };

  const params = expected.reduce((sum, w) => sum + w.shape.reduce((a, b) => a * b, 1), 0);
  if (params > rules.model.maxParams) {
    return { ok: false, message: `model: ${params} parameters; this challenge allows at most ${rules.model.maxParams}.` };
  }
  if (weightSpecs.length !== expected.length) {
    return { ok: false, message: `model.weightSpecs: ${weightSpecs.length} weight tensors listed; the layers need ${expected.length}.` };
  }
  for (const [i, want] of expected.entries()) {
    const got = weightSpecs[i]!;
    if (got.shape.length !== want.shape.length || got.shape.some((d, k) => d !== want.shape[k])) {
      return {
        ok: false,
        message: `model.weightSpecs.${i} (${got.name}): shape [${got.shape.join(', ')}], the layers need [${want.shape.join(', ')}].`,
      };
    }
  }
  const data = decodeBase64(weightData);
  if (data.byteLength !== params * 4) {
    return {
      ok: false,
      message: `model.weightData: ${data.byteLength} bytes; the weight specs need ${params * 4} (${params} float32 values).`,
    };
  }
  const values = new Float32Array(data.buffer, data.byteOffset, params);
  const bad = values.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) {
    let offset = 0;
    for (const [i, want] of expected.entries()) {
      const size = want.shape.reduce((a, b) => a * b, 1);
      if (bad < offset + size)
        return {
          ok: false,
          message: `model.weightData: weight ${i} (${weightSpecs[i]!.name}) holds ${values[bad]} at index ${bad - offset}: every weight must be finite.`,
        };
      offset += size;
    }
  }

  let offset = 0;
  const take = (size: number) => {
    const out = values.slice(offset, offset + size);
    offset += size;
    return out;
  };
  const layers: ValidLayer[] = planned.map((p) => {
    if (p.type === 'Dropout') return { type: 'Dropout', rate: p.rate };
    const kernel = take(p.inputs * p.units);
    const bias = p.useBias ? take(p.units) : null;
    return { type: 'Dense', inputs: p.inputs, units: p.units, activation: p.activation, useBias: p.useBias, kernel, bias };
  });
  return { ok: true, model: { layers, params, bytes } };
}
