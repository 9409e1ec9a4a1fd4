import { createElement } from 'lwc';
import ErrorPanel from 'c/errorPanel';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const messages = (element) =>
  Array.from(element.shadowRoot.querySelectorAll('.error-message')).map((n) => n.textContent);

function mount(props) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return flush().then(() => element);
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
  });

  it('shows the friendly message and every reduced error message', async () => {
    const element = await mount({
      friendlyMessage: 'Walk-Away could not check this deal',
      errors: [
        { body: [{ message: 'The requested resource does not exist' }] },
        { body: { message: 'Apex said no' } },
        new Error('Plain JavaScript error'),
      ],
    });
    expect(element.shadowRoot.querySelector('.friendly-message').textContent).toBe(
      'Walk-Away could not check this deal',
    );
    expect(messages(element)).toEqual([
      'The requested resource does not exist',
      'Apex said no',
      'Plain JavaScript error',
    ]);
    expect(element.shadowRoot.querySelector('[role="alert"]')).not.toBeNull();
  });

  it('never shows [object Object] for an error it does not understand', async () => {
    const element = await mount({ friendlyMessage: 'Oops', errors: { something: 'odd' } });
    expect(messages(element)).toEqual(['Unknown error']);
  });

  it('is accessible', async () => {
    const element = await mount({ friendlyMessage: 'Oops', errors: new Error('Broken') });
    await expect(element).toBeAccessible();
  });
});
