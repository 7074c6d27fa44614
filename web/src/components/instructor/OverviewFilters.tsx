/** The heat map's filters: students by name or email, exercises by topic; and how many students are shown. */
export function OverviewFilters({
  filter,
  onFilter,
  topic,
  onTopic,
  topics,
  shown,
}: {
  filter: string;
  onFilter: (filter: string) => void;
  topic: string;
  onTopic: (topic: string) => void;
  topics: string[];
  shown: number;
}) {
  return (
    <div className="flex flex-wrap gap-3 text-sm">
      <label>
        Students{' '}
        <input
          className="input ml-1 w-56"
          placeholder="name or email"
          value={filter}
          onChange={(e) => onFilter(e.target.value)}
          aria-label="Filter students"
        />
      </label>
      <label>
        Topic{' '}
        <select className="input ml-1" value={topic} onChange={(e) => onTopic(e.target.value)} aria-label="Filter exercises by topic">
          <option value="">all</option>
          {topics.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <span className="text-slate-600">{shown} students · cell: best score, attempts, L = late</span>
    </div>
  );
}
