/**
 * A message's time as Discord writes it: "Today at 14:05", "Yesterday at 09:30", else the date
 * and time. Local time of the browser, 24-hour clock.
 *
 * @example formatMessageTime(new Date(), new Date()) // "Today at 14:05"
 */
export function formatMessageTime(when: Date, now: Date): string {
  const time = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  const days = Math.round((startOfDay(now) - startOfDay(when)) / 86_400_000);
  if (days === 0) return `Today at ${time}`;
  if (days === 1) return `Yesterday at ${time}`;
  return `${pad(when.getDate())}/${pad(when.getMonth() + 1)}/${when.getFullYear()} ${time}`;
}

function startOfDay(date: Date): number {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate()).getTime();
}

function pad(value: number): string {
  return String(value).padStart(2, '0');
}
