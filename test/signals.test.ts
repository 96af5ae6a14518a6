import { isServerDiagnostic } from '../engine/config/signals';

describe('isServerDiagnostic', () => {
  const warning = "Warning: Use of undefined constant comments - assumed 'comments' in /homepages/15/htdocs/wp-content/themes/old/sidebar.php on line 23";

  test("PHP's messages, alone or several in a row, at every level", () => {
    for (const text of [
      warning,
      'Notice: Undefined index: page in /var/www/html/index.php on line 7',
      'Deprecated: Assigning the return value of new by reference is deprecated in /www/htdocs/w00a2ebd/wp-settings.php on line 520',
      'Strict Standards: Only variables should be passed by reference in /www/htdocs/wp-includes/wp-db.php on line 785',
      'Fatal error: Call to undefined function mysql_connect() in /srv/site/db.inc on line 4',
      'PHP Warning: main(/home/site/footer.html): failed to open stream: No such file or directory in /home/site/index.php on line 40',
      `${warning} ${warning} ${warning}`,
    ]) {
      expect(isServerDiagnostic(text)).toBe(true);
    }
  });

  test('prose about a warning, a message followed by other text, and a message without its path are not', () => {
    for (const text of [
      'Warning: the pier will be closed on Saturday, the harbour master said in a statement on line two of the bulletin.',
      `${warning} The fair opened on Friday with a parade of tractors.`,
      'Warning: Use of undefined constant comments',
      'He read the warning in /docs/readme.txt on line 3 and ignored it.',
    ]) {
      expect(isServerDiagnostic(text)).toBe(false);
    }
  });

  test('a long run of messages that ends in prose is answered (the messages are read one at a time)', () => {
    const run = Array.from({ length: 2000 }, () => warning).join(' ');
    expect(isServerDiagnostic(run)).toBe(true);
    expect(isServerDiagnostic(`${run} and then the story begins.`)).toBe(false);
  });
});
