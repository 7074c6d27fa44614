import { formActivations, formToCode, type ModelFormState } from './modelForm';

type Update = (patch: Partial<ModelFormState>) => void;

/** A number typed into the form, or the value it had when the text is not one. */
const numberOr = (value: string, fallback: number) => (Number.isFinite(Number(value)) && value.trim() !== '' ? Number(value) : fallback);

/** The network described in a form, TensorFlow Playground style: it writes the same code the editor takes. */
export function ModelFormView({
  form,
  setForm,
  classes,
  maxEpochs,
  onOpen,
}: {
  form: ModelFormState;
  setForm: (f: ModelFormState) => void;
  classes: number;
  maxEpochs: number;
  onOpen: () => void;
}) {
  const update: Update = (patch) => setForm({ ...form, ...patch });
  return (
    <div className="space-y-3 text-sm" data-testid="model-form">
      <HiddenLayersFieldset form={form} update={update} classes={classes} />
      <TrainingSettingsInputs form={form} update={update} maxEpochs={maxEpochs} />
      <details>
        <summary className="cursor-pointer text-slate-700">The code this form writes</summary>
        <pre className="mt-2 overflow-auto rounded bg-slate-100 p-3 text-xs" data-testid="form-code">
          {formToCode(form, classes)}
        </pre>
      </details>
      <button type="button" className="btn btn-secondary" onClick={onOpen}>
        Open as code in the editor
      </button>
    </div>
  );
}

function HiddenLayersFieldset({ form, update, classes }: { form: ModelFormState; update: Update; classes: number }) {
  const setLayer = (i: number, patch: Partial<ModelFormState['layers'][number]>) =>
    update({ layers: form.layers.map((l, k) => (k === i ? { ...l, ...patch } : l)) });
  return (
    <fieldset className="space-y-2">
      <legend className="font-medium">
        Hidden layers (the output layer follows: {classes === 2 ? '1 unit, sigmoid' : `${classes} units, softmax`})
      </legend>
      {form.layers.map((layer, i) => (
        <div key={i} className="flex flex-wrap items-center gap-2">
          <label className="flex items-center gap-1">
            Layer {i + 1} units
            <input
              type="number"
              min={1}
              max={512}
              className="w-20 rounded border border-slate-300 px-1"
              value={layer.units}
              onChange={(e) => setLayer(i, { units: numberOr(e.currentTarget.value, layer.units) })}
            />
          </label>
          <label className="flex items-center gap-1">
            activation
            <select
              className="rounded border border-slate-300 px-1"
              value={layer.activation}
              onChange={(e) => setLayer(i, { activation: e.currentTarget.value })}
            >
              {formActivations.map((a) => (
                <option key={a}>{a}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="text-red-700 underline"
            onClick={() => update({ layers: form.layers.filter((_, k) => k !== i) })}
          >
            remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-secondary"
        onClick={() => update({ layers: [...form.layers, { units: 8, activation: 'tanh' }] })}
      >
        Add a layer
      </button>
    </fieldset>
  );
}

function TrainingSettingsInputs({ form, update, maxEpochs }: { form: ModelFormState; update: Update; maxEpochs: number }) {
  return (
    <div className="flex flex-wrap gap-4">
      <NumberSetting
        label="Learning rate"
        step="0.001"
        min={0}
        width="w-24"
        value={form.learningRate}
        onChange={(learningRate) => update({ learningRate })}
      />
      <NumberSetting label="Batch size" min={1} width="w-20" value={form.batchSize} onChange={(batchSize) => update({ batchSize })} />
      <NumberSetting label="L2" step="0.0001" min={0} width="w-24" value={form.l2} onChange={(l2) => update({ l2 })} />
      <NumberSetting label="Epochs" min={1} max={maxEpochs} width="w-20" value={form.epochs} onChange={(epochs) => update({ epochs })} />
    </div>
  );
}

function NumberSetting({
  label,
  value,
  onChange,
  width,
  ...limits
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  width: string;
  step?: string;
  min: number;
  max?: number;
}) {
  return (
    <label className="flex items-center gap-1">
      {label}
      <input
        type="number"
        {...limits}
        className={`${width} rounded border border-slate-300 px-1`}
        value={value}
        onChange={(e) => onChange(numberOr(e.currentTarget.value, value))}
      />
    </label>
  );
}
